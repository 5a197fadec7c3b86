import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticator.js';
import type { FaultInjector, FaultRule } from '../faults/fault-injector.js';
import type { RequestStats } from '../stats/request-stats.js';
import type { MailboxStore } from '../store/mailbox-store.js';
import type { Mailbox } from '../store/model.js';
import type { XmlLimits } from '../xml/xml-parse.js';
import { OPERATIONS, batchSize } from '../operations/registry.js';
import { renderContext, type OpContext } from '../operations/context.js';
import type { Outbox } from '../operations/outbox.js';
import { Subscriptions } from '../operations/subscriptions.js';
import { resolveImpersonation } from '../auth/impersonation.js';
import { EwsError, MESSAGES } from './ews-error.js';
import { backOffXml, renderEnvelope, renderFault, renderOperationResponse } from './envelope.js';
import { errorMessage } from './response-message.js';
import { readSoapRequest } from './soap-request.js';
import { withRequestTimeZone } from '../items/codecs.js';

export interface EwsRouteDeps {
  store: MailboxStore;
  auth: Authenticator;
  faults: FaultInjector;
  stats: RequestStats;
  outbox: Outbox;
  limits: XmlLimits;
  wsdlOperations: Set<string>;
  /** Pending injected delays; closing the app ends them all. */
  timers: Set<() => void>;
}

const XML_TYPE = 'text/xml; charset=utf-8';

function firstErrorCode(xml: string): string {
  return /<m:ResponseCode>((?!NoError)\w+)<\/m:ResponseCode>/.exec(xml)?.[1] ?? 'NoError';
}

export function registerEwsRoute(app: FastifyInstance, deps: EwsRouteDeps): void {
  const subscriptions = new Subscriptions();
  const inFlight = new Map<string, number>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        deps.timers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      deps.timers.add(done);
    });

  app.post('/EWS/Exchange.asmx', async (request: FastifyRequest, reply: FastifyReply) => {
    const started = Date.now();
    let operation = 'Unknown';
    let mailbox: Mailbox | undefined;
    const log = (httpStatus: number, responseCode: string) =>
      deps.stats.record({
        at: new Date(started).toISOString(), operation, mailbox: mailbox?.smtp, principal: principal?.smtp,
        responseCode, httpStatus, durationMs: Date.now() - started,
      });
    const finish = (httpStatus: number, responseCode: string, body: string, contentType = XML_TYPE) => {
      log(httpStatus, responseCode);
      return reply.code(httpStatus).header('content-type', contentType).send(body);
    };
    const auth = deps.auth.authenticate(request.headers.authorization, request.raw.socket);
    const principal = auth.ok ? auth.principal : undefined;
    if (!auth.ok || !principal) {
      if (!auth.ok) reply.header('www-authenticate', auth.wwwAuthenticate);
      return finish(401, 'Unauthorized', '', 'text/html');
    }
    if (auth.wwwAuthenticate) reply.header('www-authenticate', auth.wwwAuthenticate);
    try {
      const soap = readSoapRequest(String(request.body ?? ''), deps.limits, deps.wsdlOperations);
      operation = soap.operation;
      mailbox = soap.impersonate ? resolveImpersonation(deps.store, principal, soap.impersonate) : principal;
      const spec = OPERATIONS[operation];
      if (!spec) throw new EwsError('ErrorInvalidRequest', `The operation ${operation} is not supported by this server.`, { fault: true });
      const acting = mailbox.smtp;
      const decision = deps.faults.decide(operation, acting, inFlight.get(acting) ?? 0);
      inFlight.set(acting, (inFlight.get(acting) ?? 0) + 1);
      try {
        if (decision.delayMs > 0) await sleep(decision.delayMs);
        if (decision.fault) {
          const injected = await injectFault(decision.fault, operation, batchSize(operation, soap.body), spec.errorInner, request, reply, sleep);
          if (injected?.status === 0) return log(0, injected.code);
          if (injected) return finish(injected.status, injected.code, injected.body, injected.contentType);
        }
      } finally {
        inFlight.set(acting, inFlight.get(acting)! - 1);
      }
      const ctx: OpContext = {
        store: deps.store, mailbox, principal, outbox: deps.outbox, subscriptions, render: renderContext(deps.store),
        countWrite: (smtp, kind, n) => deps.stats.countWrite(smtp, kind, n),
      };
      const body = withRequestTimeZone(soap.timeZone, () => spec.handler(soap.body, ctx));
      return finish(200, firstErrorCode(body), renderEnvelope(body));
    } catch (error) {
      if (error instanceof EwsError && error.options.fault) {
        return finish(error.options.httpStatus ?? 500, error.code, renderFault({ code: error.code, message: error.message, messageXml: error.options.messageXml }));
      }
      request.log.error({ err: error }, 'EWS request failed');
      return finish(500, 'ErrorInternalServerError', renderFault({ code: 'ErrorInternalServerError', message: MESSAGES.ErrorInternalServerError }));
    }
  });
}

interface Injected {
  status: number;
  code: string;
  body: string;
  contentType?: string;
}

async function injectFault(
  rule: FaultRule,
  operation: string,
  count: number,
  errorInner: string,
  request: FastifyRequest,
  reply: FastifyReply,
  sleep: (ms: number) => Promise<void>,
): Promise<Injected | undefined> {
  const backOff = rule.backOffMs ?? 200;
  switch (rule.kind) {
    case 'serverBusy': {
      const error = new EwsError('ErrorServerBusy', MESSAGES.ErrorServerBusy, { messageXml: backOffXml(backOff) });
      const messages = Array.from({ length: count }, () => errorMessage(`${operation}ResponseMessage`, error, errorInner)).join('');
      return { status: 200, code: 'ErrorServerBusy', body: renderEnvelope(renderOperationResponse(operation, messages)) };
    }
    case 'serverBusyFault':
    case 'http503':
      return {
        status: rule.kind === 'http503' ? 503 : 500,
        code: 'ErrorServerBusy',
        body: renderFault({ code: 'ErrorServerBusy', message: MESSAGES.ErrorServerBusy, messageXml: backOffXml(backOff) }),
      };
    case 'concurrency': {
      // As Exchange words it: ErrorServerBusy naming the MaxConcurrency policy, and no BackOffMilliseconds.
      const limit = rule.maxConcurrency ?? 10;
      const messageXml =
        '<t:Value Name="Policy">MaxConcurrency</t:Value>' +
        `<t:Value Name="MaxConcurrencyLimit">${limit}</t:Value>` +
        `<t:Value Name="ErrorMessage">This operation exceeds the throttling budget for policy part 'MaxConcurrency', policy value '${limit}', Budget type: 'Ews'. Suggested backoff time 0 ms.</t:Value>`;
      const message = 'You have exceeded the available concurrent connections for your account. Try again once your other requests have completed.';
      return { status: 500, code: 'ErrorServerBusy', body: renderFault({ code: 'ErrorServerBusy', message, messageXml }) };
    }
    case 'http500':
      return { status: 500, code: 'HTTP500', body: '<html><body><h1>500 - Internal server error.</h1></body></html>', contentType: 'text/html' };
    case 'drop':
      reply.hijack();
      request.raw.socket.destroy();
      return { status: 0, code: 'ConnectionDropped', body: '' };
    case 'timeout':
      await sleep(rule.latencyMs ?? 120_000);
      return undefined;
    default:
      return undefined;
  }
}
