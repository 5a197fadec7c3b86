import { describe, expect, it } from 'vitest';
import { until } from './until.js';

describe('until', () => {
  it('resolves once an async condition holds', async () => {
    let calls = 0;
    await until(async () => ++calls >= 3, 'three calls', { intervalMs: 1 });
    expect(calls).toBe(3);
  });

  it('names what it waited for when it times out', async () => {
    await expect(until(() => false, 'the CreateItem', { timeoutMs: 50, intervalMs: 5 })).rejects.toThrow('waiting for the CreateItem');
  });
});
