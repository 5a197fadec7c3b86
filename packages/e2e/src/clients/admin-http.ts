/** A non-2xx answer from an admin API, with the server's error code when it sent one. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly method: string,
    readonly path: string,
    readonly body: unknown,
  ) {
    super(`${method} ${path} → ${status}${code ? ` ${code}` : ''}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'AdminApiError';
  }
}

export interface AdminHttp {
  readonly baseUrl: string;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** JSON over HTTP with the `x-admin-key` header both simulators' admin APIs require. */
export function adminHttp(baseUrl: string, adminKey: string): AdminHttp {
  return {
    baseUrl,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'x-admin-key': adminKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text for the error message
      }
      if (!response.ok) {
        // exchange-sim answers { error: { code } }, crm-interface { statusCode, code, message }.
        const shape = parsed as { error?: { code?: string }; code?: string } | undefined;
        const code = shape?.error?.code ?? shape?.code;
        throw new AdminApiError(response.status, code, method, path, parsed);
      }
      return parsed as T;
    },
  };
}

/** `?a=1&b=2` from the defined values, or nothing. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}
