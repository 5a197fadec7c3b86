import { describe, expect, it, vi } from 'vitest';
import { checkBinding, credentialsMatch } from './auth.js';
import { basic } from './dashboard.test-support.js';

describe('credentialsMatch', () => {
  it('accepts only user admin with the configured password', () => {
    expect(credentialsMatch(basic('s3cret:with:colons'), 's3cret:with:colons')).toBe(true);
    expect(credentialsMatch(basic('s3cret'), 's3cret!')).toBe(false);
    expect(credentialsMatch(basic('s3cret', 'Admin'), 's3cret')).toBe(false);
    expect(credentialsMatch(undefined, 's3cret')).toBe(false);
    expect(credentialsMatch('Basic !!!', 's3cret')).toBe(false);
    expect(credentialsMatch(`Basic ${Buffer.from('admin-no-colon').toString('base64')}`, 's3cret')).toBe(false);
  });
});

describe('checkBinding', () => {
  it('starts anywhere with a password, and without one only on loopback, with a warning', () => {
    const logger = { warn: vi.fn() };
    checkBinding('pw', '0.0.0.0', logger);
    expect(logger.warn).not.toHaveBeenCalled();
    checkBinding(undefined, '127.0.0.1', logger);
    expect(logger.warn).toHaveBeenCalledWith({ host: '127.0.0.1' }, expect.stringContaining('NO authentication'));
    expect(() => checkBinding(undefined, '0.0.0.0', logger)).toThrow(expect.objectContaining({ code: 'DASHBOARD_UNPROTECTED' }));
    expect(() => checkBinding(undefined, '10.0.0.5', logger)).toThrow(/only starts bound to 127\.0\.0\.1/);
  });
});
