import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EwsGateway } from '../ews-gateway.adapter.js';
import { newSchemaCollector, SimServer, simGateway } from '../test-support/sim-gateway.test-support.js';
import type { ContractEnv } from './contract-env.test-support.js';
import { runExchangeContract } from './exchange-contract.test-support.js';

let sim: SimServer;
let gateway: EwsGateway;
const schema = newSchemaCollector();

beforeAll(async () => {
  sim = await SimServer.start();
  gateway = simGateway(sim, schema, { extraProperties: ['rating'] });
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

const env: ContractEnv = {
  get port() {
    return gateway;
  },
  async newMailbox(options = {}) {
    const smtp = `user-${randomUUID().slice(0, 8)}@contoso.example`;
    await sim.mailbox(smtp, options.locale ? { locale: options.locale } : {});
    return smtp;
  },
  async userEdit(itemId, fields) {
    await sim.admin('PATCH', `/items/${encodeURIComponent(itemId)}`, { fields });
  },
  async deliverMessages(mailbox, folderPath, messages) {
    const items = messages.map((m) => {
      const spec = typeof m === 'string' ? { mime: m } : m;
      return {
        kind: 'message',
        fields: {},
        mime: Buffer.from(spec.mime).toString('base64'),
        attachments: spec.attachments?.map((a) => ({
          name: a.name, contentType: a.contentType, isInline: false, content: a.content.toString('base64'), lastModified: '2026-11-24T10:00:00Z',
        })),
      };
    });
    const res = await sim.admin<{ ids: { id: string }[] }>('POST', `/mailboxes/${encodeURIComponent(mailbox)}/items`, { folder: folderPath, items });
    return res.ids.map((i) => i.id);
  },
};

runExchangeContract('EwsGateway against exchange-sim', () => env);

it('sent and received only schema-valid EWS XML', async () => {
  expect(schema.count).toBeGreaterThan(0);
  expect(await schema.validate()).toEqual([]);
});
