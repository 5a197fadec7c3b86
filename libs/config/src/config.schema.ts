import { z } from 'zod';
import { secretSchema } from './secret.schema.js';
import { rulesSchema } from './rules.schema.js';
import { ruleOverridesSchema } from './overrides.schema.js';

const exchangeAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('basic'),
    username: z.string().min(1).describe('Service account (UPN or DOMAIN\\user)'),
    password: secretSchema,
  }),
  z.strictObject({
    kind: z.literal('ntlm'),
    username: z.string().min(1),
    domain: z.string().default(''),
    password: secretSchema,
  }),
  z.strictObject({ kind: z.literal('bearer'), token: secretSchema.describe('OAuth access token') }),
]);

export const exchangeSchema = z.strictObject({
  url: z.url().describe('EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx (env EXCHANGE_URL)'),
  auth: exchangeAuthSchema,
  impersonation: z.boolean().default(true).describe('Act as each mailbox through ExchangeImpersonation'),
  serverVersion: z.string().default('Exchange2013_SP1').describe('RequestServerVersion sent with every request'),
  timeoutMs: z.number().int().positive().default(60_000),
  maxConcurrency: z.number().int().positive().default(10).describe('Requests in flight per Exchange server'),
});

export const crmSchema = z.strictObject({
  url: z.url().describe('CRM.interface SyncML endpoint, e.g. http://crm:8701/syncml (env CRM_URL)'),
  deviceId: z.string().min(1).default('crm-exchange-connector').describe('SyncML device id of the connector'),
  token: z.discriminatedUnion('algorithm', [
    z.strictObject({ algorithm: z.literal('ed25519'), privateKey: secretSchema.describe('PEM private key that signs user tokens') }),
    z.strictObject({ algorithm: z.literal('hmac'), secret: secretSchema.describe('Shared secret that signs user tokens') }),
  ]),
  maxMsgSize: z.number().int().min(4_096).default(262_144).describe('Largest SyncML message we send or accept'),
  timeoutMs: z.number().int().positive().default(60_000),
});

export const mailboxSchema = z.strictObject({
  crmUser: z.string().min(1).describe('Login of the user in the CRM'),
  smtp: z.email().describe('Primary SMTP address of the Exchange mailbox'),
  overrides: ruleOverridesSchema,
});
export type MailboxConfig = z.infer<typeof mailboxSchema>;

export const configSchema = z.strictObject({
  exchange: exchangeSchema,
  crm: crmSchema,
  redis: z
    .strictObject({
      url: z.string().default('redis://127.0.0.1:6379').describe('Redis for queues and cursors (env REDIS_URL)'),
      prefix: z.string().min(1).default('connector').describe('Key prefix; separate installations may share a Redis'),
    })
    .prefault({}),
  database: z
    .strictObject({
      url: z.string().default('postgres://postgres@127.0.0.1:5432/connector').describe('Link store (env DATABASE_URL)'),
    })
    .prefault({}),
  mailboxes: z
    .strictObject({
      refreshSeconds: z.number().int().min(10).default(300).describe('How often the mailbox list is re-read'),
      restrictToList: z.boolean().default(true).describe('Sync only listed users (intersected with sync-enabled CRM users)'),
      list: z.array(mailboxSchema).default([]),
    })
    .prefault({}),
  rules: rulesSchema.prefault({}),
  errorPolicy: z
    .strictObject({
      suspendAfterFailures: z.number().int().min(1).default(5).describe('Consecutive access failures before a mailbox is suspended'),
      suspendedRetrySeconds: z.number().int().min(60).default(3_600).describe('How often a suspended mailbox is tried again'),
      itemAttempts: z.number().int().min(1).default(6).describe('Attempts before an item is quarantined'),
    })
    .prefault({}),
  dashboard: z
    .strictObject({
      port: z.number().int().min(0).max(65_535).default(8710).describe('Dashboard port (env DASHBOARD_PORT)'),
      adminPassword: secretSchema.optional().describe('Password of the dashboard user "admin"'),
    })
    .prefault({}),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info').describe('env LOG_LEVEL'),
});
export type ConnectorConfigInput = z.input<typeof configSchema>;
type ParsedConfig = z.infer<typeof configSchema>;
/** The config after secrets were resolved: every secret is its plain value. */
export type ConnectorConfig = ResolvedSecrets<ParsedConfig>;

type ResolvedSecrets<T> = T extends { env: string } | { file: string }
  ? string
  : T extends (infer U)[]
    ? ResolvedSecrets<U>[]
    : T extends object
      ? { [K in keyof T]: ResolvedSecrets<T[K]> }
      : T;
