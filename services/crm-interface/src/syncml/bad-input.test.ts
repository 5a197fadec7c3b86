import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawSyncmlClient } from './raw-client.test-support.js';
import { startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

let server: SyncmlTestServer;

beforeAll(async () => {
  server = await startSyncmlServer('syncml_bad_input');
});
afterAll(async () => {
  await server.close();
});

const HEADER = `<SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>x</LocURI></Target><Source><LocURI>dev</LocURI></Source></SyncHdr>`;
const message = (body: string, ns = 'SYNCML:SYNCML1.2') => `<?xml version="1.0"?><SyncML xmlns="${ns}">${HEADER}<SyncBody>${body}<Final/></SyncBody></SyncML>`;

async function post(body: string | Buffer | Readable, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    body: body instanceof Readable ? (Readable.toWeb(body) as ReadableStream) : body,
    headers: { 'content-type': 'application/vnd.syncml+xml', ...headers },
    ...(body instanceof Readable ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, json: (await response.json().catch(() => ({}))) as { code?: string } };
}

describe('hostile and broken input', () => {
  const cases: [string, () => string, number, string][] = [
    ['malformed XML', () => message('<Alert><CmdID>1</CmdID>'), 400, 'SYNCML_MALFORMED_XML'],
    ['an entity bomb', () => `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${message('<Alert><CmdID>1</CmdID><Data>&lol2;</Data></Alert>')}`, 400, 'SYNCML_DTD_FORBIDDEN'],
    ['the wrong namespace', () => message('<Alert><CmdID>1</CmdID><Data>200</Data></Alert>', 'urn:not-syncml'), 400, 'SYNCML_WRONG_NAMESPACE'],
    ['100,000 empty commands', () => message('<Alert><CmdID>1</CmdID></Alert>'.repeat(100_000)), 400, 'SYNCML_TOO_MANY_COMMANDS'],
    ['a non-SyncML document', () => '<?xml version="1.0"?><html><body/></html>', 400, 'SYNCML_NOT_SYNCML'],
  ];
  for (const [name, body, status, code] of cases) {
    it(`answers ${name} with HTTP ${status} ${code}`, async () => {
      const seq = await server.changeSeq();
      const response = await post(body());
      expect(response.status).toBe(status);
      expect(response.json.code).toBe(code);
      expect(await server.changeSeq()).toBe(seq);
    });
  }

  it('refuses a 100 MB body with 413 without buffering it (declared length and streamed)', async () => {
    const rssBefore = process.memoryUsage().rss;
    const declared = await post(Readable.from(chunks(100)), { 'content-length': String(100 * 1024 * 1024) }).catch(() => ({ status: 413, json: {} }));
    expect(declared.status).toBe(413);
    const streamed = await post(Readable.from(chunks(100))).catch(() => ({ status: 413, json: {} }));
    expect(streamed.status).toBe(413);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(80 * 1024 * 1024);
  });

  it('refuses other content types with 415', async () => {
    const response = await post(message('<Alert><CmdID>1</CmdID></Alert>'), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('keeps serving other sessions afterwards', async () => {
    const client = server.client();
    const read = await client.readChanges('alice@demo.example', 'contacts');
    expect(read.slowSync).toBe(true);
    await read.complete([]);
    const raw = new RawSyncmlClient(server.url);
    const ok = await raw.post(message('<Alert><CmdID>1</CmdID><Data>200</Data></Alert>'), 'application/vnd.syncml+xml; charset=UTF-8');
    expect(ok.status).toBe(200);
  });
});

function* chunks(megabytes: number): Generator<Buffer> {
  const mb = Buffer.alloc(1024 * 1024, 'a');
  yield Buffer.from(`<?xml version="1.0"?><SyncML xmlns="SYNCML:SYNCML1.2">${HEADER}<SyncBody><Alert><CmdID>1</CmdID><Data>`);
  for (let i = 0; i < megabytes; i++) yield mb;
}
