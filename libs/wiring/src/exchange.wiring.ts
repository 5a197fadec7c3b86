import type { ConnectorConfig } from '@connector/config';
import type { ServiceContext } from '@connector/runtime';
import { createEwsGateway, type ExchangeAuth, type ExchangeGatewayOptions, type ExchangePort } from '@connector/exchange';

export function exchangeAuth(auth: ConnectorConfig['exchange']['auth']): ExchangeAuth {
  switch (auth.kind) {
    case 'basic':
      return { kind: 'basic', username: auth.username, password: auth.password };
    case 'ntlm':
      return { kind: 'ntlm', username: auth.domain ? `${auth.domain}\\${auth.username}` : auth.username, password: auth.password };
    case 'bearer': {
      const token = auth.token;
      return { kind: 'oauth', getToken: () => token };
    }
  }
}

/** The gateway settings the config gives for its Exchange server. */
export function exchangeGatewayOptions(exchange: ConnectorConfig['exchange']): ExchangeGatewayOptions {
  return {
    url: exchange.url,
    auth: exchangeAuth(exchange.auth),
    impersonation: exchange.impersonation,
    timeoutMs: exchange.timeoutMs,
    maxConcurrency: exchange.maxConcurrency,
  };
}

/** The EWS gateway for the configured server, its metrics on the service's registry. */
export function openExchange(context: ServiceContext): ExchangePort {
  const gateway = createEwsGateway({ ...exchangeGatewayOptions(context.config.exchange), metricsRegistry: context.registry });
  context.onClose('exchange', () => gateway.close());
  return gateway;
}
