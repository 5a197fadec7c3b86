import { errors, request, type Dispatcher } from 'undici';
import { SYNCML_CONTENT_TYPE } from '@connector/syncml';
import { CrmClientError } from './crm-client.error.js';

export interface TransportOptions {
  timeoutMs: number;
  dispatcher?: Dispatcher;
}

/** One SyncML message over HTTP POST; every failure becomes a typed CrmClientError. */
export async function postSyncml(url: string, body: string, options: TransportOptions): Promise<string> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      method: 'POST',
      body,
      headers: { 'content-type': `${SYNCML_CONTENT_TYPE}; charset=UTF-8`, accept: SYNCML_CONTENT_TYPE },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      dispatcher: options.dispatcher,
    });
  } catch (error) {
    if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
      throw new CrmClientError('CRM_TIMEOUT', `${url} after ${options.timeoutMs} ms`, undefined, { cause: error });
    }
    throw new CrmClientError('CRM_UNAVAILABLE', (error as Error).message, undefined, { cause: error });
  }
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    const timeout = error instanceof errors.BodyTimeoutError;
    throw new CrmClientError(timeout ? 'CRM_TIMEOUT' : 'CRM_UNAVAILABLE', (error as Error).message, undefined, { cause: error });
  }
  const status = response.statusCode;
  if (status === 503 || status === 429) throw new CrmClientError('CRM_RETRY_LATER', `HTTP ${status}`, status);
  if (status >= 500) throw new CrmClientError('CRM_UNAVAILABLE', `HTTP ${status}`, status);
  if (status === 401 || status === 403) throw new CrmClientError('CRM_PROTOCOL', `HTTP ${status}: ${text.slice(0, 200)}`, status);
  if (status >= 300) throw new CrmClientError('CRM_PROTOCOL', `HTTP ${status}: ${text.slice(0, 200)}`, status);
  return text;
}
