import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The socket the answer came on; NTLM authenticates connections, not requests. */
  socket: object | null;
}

/** Thrown by `sendOnce` for anything that is not an HTTP answer: the caller maps it to a code. */
export class TransportFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'network',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function createAgent(url: string, options: { maxSockets: number; allowUntrustedCertificate?: boolean }): http.Agent {
  const common = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets };
  return url.startsWith('https:')
    ? new https.Agent({ ...common, rejectUnauthorized: !options.allowUntrustedCertificate })
    : new http.Agent(common);
}

/**
 * One HTTP exchange with a deadline covering connect, upload and the whole response body.
 * Keeps the connection alive (the agent decides reuse); decodes gzip/deflate bodies.
 */
export function sendOnce(agent: http.Agent, request: RawRequest, timeoutMs: number): Promise<RawResponse> {
  const url = new URL(request.url);
  const lib = url.protocol === 'https:' ? https : http;
  const body = Buffer.from(request.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = lib.request(url, {
      method: 'POST',
      agent,
      headers: { ...request.headers, 'Content-Length': String(body.length) },
    });
    const timer = setTimeout(() => {
      req.destroy(new TransportFailure('timeout', `no complete answer from ${url.host} within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof TransportFailure ? err : new TransportFailure('network', `${url.host}: ${err.message}`, { cause: err }));
    });
    req.on('response', (res) => {
      // Captured now: once the body has ended, a keep-alive socket goes back to the pool and res.socket is null.
      const socket = res.socket;
      const chunks: Buffer[] = [];
      const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
      const stream = encoding === 'gzip' ? res.pipe(zlib.createGunzip()) : encoding === 'deflate' ? res.pipe(zlib.createInflate()) : res;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => req.destroy(err));
      stream.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), socket });
      });
    });
    req.end(body);
  });
}
