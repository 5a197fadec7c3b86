import { describe, expect, it } from 'vitest';
import { ExchangeConflictError, ExchangeThrottledError, InvalidSyncStateError } from './exchange.error.js';
import { EXCHANGE_ERRORS } from './exchange-error-codes.js';
import { fromResponseCode, normalizeError } from './fault-normalizer.js';

describe('EWS failures → ExchangeError', () => {
  it('maps response codes to stable codes and kinds', () => {
    expect(fromResponseCode('ErrorServerBusy', 'busy', {}, 250)).toBeInstanceOf(ExchangeThrottledError);
    expect(fromResponseCode('ErrorServerBusy', 'busy', {}, 250)).toMatchObject({ kind: 'throttled', backOffMs: 250 });
    expect(fromResponseCode('ErrorIrresolvableConflict', 'x', {})).toBeInstanceOf(ExchangeConflictError);
    expect(fromResponseCode('ErrorInvalidSyncStateData', 'x', {})).toBeInstanceOf(InvalidSyncStateError);
    expect(fromResponseCode('ErrorItemNotFound', 'x', { itemId: 'i' })).toMatchObject({ code: 'EXCHANGE_ITEM_NOT_FOUND', kind: 'permanent', details: { itemId: 'i', responseCode: 'ErrorItemNotFound' } });
    expect(fromResponseCode('ErrorImpersonateUserDenied', 'x', {})).toMatchObject({ code: 'EXCHANGE_ACCESS_DENIED', kind: 'permanent' });
    expect(fromResponseCode('ErrorSomethingNew', 'x', {})).toMatchObject({ code: 'EXCHANGE_SERVER_ERROR', kind: 'transient', details: { responseCode: 'ErrorSomethingNew' } });
  });

  it('maps transport failures and bare HTTP statuses', () => {
    expect(normalizeError({ message: '[EXCHANGE_TIMEOUT] no answer within 60000 ms', HttpStatusCode: 0 })).toMatchObject({ code: 'EXCHANGE_TIMEOUT', kind: 'transient', message: 'no answer within 60000 ms' });
    expect(normalizeError({ message: 'x', HttpStatusCode: 401, responseCode: 0 })).toMatchObject({ code: 'EXCHANGE_AUTH_FAILED', kind: 'permanent' });
    expect(normalizeError({ message: 'x', HttpStatusCode: 503 })).toMatchObject({ code: 'EXCHANGE_UNAVAILABLE', kind: 'transient' });
    expect(normalizeError(new Error('surprise'))).toMatchObject({ code: 'EXCHANGE_UNEXPECTED_RESPONSE', kind: 'bug' });
  });

  it('has a kind and a description for every code', () => {
    for (const [code, entry] of Object.entries(EXCHANGE_ERRORS)) {
      expect(code).toMatch(/^EXCHANGE_[A-Z_]+$/);
      expect(['transient', 'permanent', 'throttled', 'bug']).toContain(entry.kind);
      expect(entry.doc.length).toBeGreaterThan(10);
    }
  });
});
