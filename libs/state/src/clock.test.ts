import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from './clock.js';

describe('clocks', () => {
  it('the system clock tells the real time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('the manual clock moves only when told, and hands out copies', () => {
    const clock = new ManualClock('2026-11-25T10:00:00.000Z');
    const now = clock.now();
    now.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(clock.advance(90_000).toISOString()).toBe('2026-11-25T10:01:30.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
