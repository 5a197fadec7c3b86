import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmClientError} from './index.js';
import { CrmClient, MemoryAnchorStore } from './index.js';

let server: Server;
let base: string;
const behaviour: { mode: 'hang' | 'status' | 'garbage'; status?: number } = { mode: 'hang' };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (behaviour.mode === 'hang') return;
    if (behaviour.mode === 'garbage') return void res.writeHead(200, { 'content-type': 'application/vnd.syncml+xml' }).end('<html/>');
    res.writeHead(behaviour.status ?? 500).end('nope');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/syncml`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (url = base) => new CrmClient({ url, tokens: { issue: () => 'token' }, anchors: new MemoryAnchorStore(), timeoutMs: 300 });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as CrmClientError);

describe('transport failures are typed for the pipeline', () => {
  it('a server that does not answer is a transient timeout', async () => {
    behaviour.mode = 'hang';
    expect(await failure(client().readChanges('u', 'contacts'))).toMatchObject({ code: 'CRM_TIMEOUT', kind: 'transient' });
  });

  it('HTTP 5xx is transient, 503 is throttled, 4xx is a bug', async () => {
    behaviour.mode = 'status';
    for (const [status, code, kind] of [[500, 'CRM_UNAVAILABLE', 'transient'], [503, 'CRM_RETRY_LATER', 'throttled'], [400, 'CRM_PROTOCOL', 'bug']] as const) {
      behaviour.status = status;
      expect(await failure(client().writeChanges('u', 'contacts', []))).toMatchObject({ code, kind, status });
    }
  });

  it('an undecodable answer is a protocol error; a refused connection is transient', async () => {
    behaviour.mode = 'garbage';
    expect(await failure(client().readChanges('u', 'contacts'))).toMatchObject({ code: 'CRM_PROTOCOL', kind: 'bug' });
    expect(await failure(client('http://127.0.0.1:1/syncml').readChanges('u', 'contacts'))).toMatchObject({ code: 'CRM_UNAVAILABLE', kind: 'transient' });
  });
});
