import { describe, expect, it } from 'vitest';
import { EwsGateway } from '../ews-gateway.adapter.js';

describe('gateway options', () => {
  it('lists every bad option in one EXCHANGE_BAD_INPUT error', () => {
    const build = () =>
      new EwsGateway({ url: 'ftp://mail', auth: { kind: 'ntlm', username: '', password: '' }, timeoutMs: 0, maxConcurrency: 1.5, batchSize: 1000, propertySetId: 'nope' });
    expect(build).toThrow(expect.objectContaining({ code: 'EXCHANGE_BAD_INPUT', kind: 'bug' }));
    try {
      build();
    } catch (err) {
      for (const word of ['url must be http(s)', 'timeoutMs', 'maxConcurrency', 'batchSize', 'propertySetId', 'ntlm auth']) expect((err as Error).message).toContain(word);
    }
  });

  it('accepts the defaults', async () => {
    const gw = new EwsGateway({ url: 'https://mail.example.com/EWS/Exchange.asmx', auth: { kind: 'oauth', getToken: () => 't' } });
    await gw.close();
  });
});
