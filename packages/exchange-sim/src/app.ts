import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger, createMetricsRegistry, healthPlugin } from '@connector/observability';
import { MailboxStore } from './store/mailbox-store.js';
import { Persistence } from './store/persistence.js';
import { Authenticator } from './auth/authenticator.js';
import { FaultInjector } from './faults/fault-injector.js';
import { RequestStats } from './stats/request-stats.js';
import { Outbox } from './operations/outbox.js';
import { registerEwsRoute } from './soap/ews-route.js';
import { registerAdminRoutes } from './admin/admin-routes.js';
import { renderFault } from './soap/envelope.js';
import { MESSAGES } from './soap/ews-error.js';
import { DEFAULT_XML_LIMITS } from './xml/xml-parse.js';
import { seedDemo } from './demo/demo-seed.js';
import { DEFAULTS, type SimOptions } from './sim.config.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

export interface Simulator {
  store: MailboxStore;
  stats: RequestStats;
  faults: FaultInjector;
  outbox: Outbox;
  /** Write pending changes to the data directory now. */
  flush(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    sim: Simulator;
  }
}

/** Request element names of every operation in the WSDL (GetUserOofSettings takes GetUserOofSettingsRequest). */
function wsdlOperations(wsdl: string): Set<string> {
  return new Set([...wsdl.matchAll(/<wsdl:message name="\w+SoapIn">\s*<wsdl:part name="\w+" element="tns:(\w+)"/g)].map((m) => m[1]!));
}

export async function buildApp(options: SimOptions = {}): Promise<FastifyInstance> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const logger = options.logger ?? createLogger({ service: 'exchange-sim', level: 'silent' });
  const app = Fastify({ loggerInstance: logger, bodyLimit: maxBodyBytes }) as unknown as FastifyInstance;
  const store = new MailboxStore();
  const persistence = options.dataDir ? new Persistence(store, options.dataDir) : undefined;
  persistence?.load();
  if (persistence) store.onChange = (smtp) => persistence.markDirty(smtp);
  if (options.demo && store.mailboxes.size === 0) seedDemo(store);
  const stats = new RequestStats();
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  const outbox = new Outbox();
  const timers = new Set<() => void>();
  app.decorate('sim', { store, stats, faults, outbox, flush: () => persistence?.flush() });

  const wsdl = readFileSync(`${SCHEMA_DIR}services.wsdl`, 'utf8');
  app.addContentTypeParser(['text/xml', 'application/soap+xml', 'application/xml'], { parseAs: 'string', bodyLimit: maxBodyBytes }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: maxBodyBytes }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error, request, reply) => {
    const code = (error as { code?: string }).code;
    if (request.url.startsWith('/EWS/') && code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).header('content-type', 'text/xml; charset=utf-8')
        .send(renderFault({ code: 'ErrorRequestStreamTooBig', message: MESSAGES.ErrorRequestStreamTooBig }));
    }
    return reply.code((error as { statusCode?: number }).statusCode ?? 500).send({ error: { code: code ?? 'INTERNAL', message: (error as Error).message } });
  });

  await app.register(healthPlugin, { registry: createMetricsRegistry('exchange-sim') });
  registerEwsRoute(app, {
    store, auth: new Authenticator(store, options.auth ?? DEFAULTS.auth), faults, stats, outbox, timers,
    limits: { ...DEFAULT_XML_LIMITS, ...options.xmlLimits }, wsdlOperations: wsdlOperations(wsdl),
  });
  registerAdminRoutes(app, {
    store, faults, stats, outbox, adminKey: options.adminKey ?? DEFAULTS.adminKey,
    clearData: () => {
      const gone = [...store.mailboxes.keys()];
      store.clear();
      for (const smtp of gone) persistence?.forget(smtp);
    },
  });

  // The WSDL names its schemas relatively, so they are served beside it (without auth, unlike Exchange).
  app.get('/EWS/Services.wsdl', async (request, reply) => {
    const location = `${request.protocol}://${request.headers.host ?? 'localhost'}/EWS/Exchange.asmx`;
    return reply.header('content-type', 'text/xml; charset=utf-8').send(wsdl.replace('<soap:address location="" />', `<soap:address location="${location}" />`));
  });
  for (const file of ['messages.xsd', 'types.xsd', 'xml.xsd']) {
    const content = readFileSync(`${SCHEMA_DIR}${file}`, 'utf8');
    app.get(`/EWS/${file}`, async (_request, reply) => reply.header('content-type', 'text/xml; charset=utf-8').send(content));
  }

  app.addHook('onClose', async () => {
    for (const done of [...timers]) done();
    persistence?.flush();
  });
  return app;
}
