import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { MailboxBackoff } from './mailbox-backoff.js';

describe('MailboxBackoff', () => {
  it("uses the server's BackOffMilliseconds, else doubles from the base up to the cap, per mailbox", () => {
    let now = 1_000;
    const backoff = new MailboxBackoff({ baseMs: 500, maxMs: 3_000 }, () => now);
    expect(backoff.pause('A@x.example', 1, 200)).toBe(200);
    expect(backoff.remainingMs('a@x.example')).toBe(200);
    expect(backoff.remainingMs('b@x.example')).toBe(0);
    expect(backoff.pause('b@x.example', 1)).toBe(500);
    expect(backoff.pause('b@x.example', 3)).toBe(2_000);
    expect(backoff.pause('b@x.example', 6)).toBe(3_000);
    now += 250;
    expect(backoff.remainingMs('a@x.example')).toBe(0);
    expect(backoff.remainingMs('b@x.example')).toBe(2_750);
  });

  it('never shortens a pause already running', () => {
    const backoff = new MailboxBackoff({ baseMs: 100, maxMs: 1_000 }, () => 0);
    backoff.pause('a@x.example', 1, 900);
    backoff.pause('a@x.example', 1, 100);
    expect(backoff.remainingMs('a@x.example')).toBe(900);
  });

  it('wait() resolves once the pause is over', async () => {
    const backoff = new MailboxBackoff({ baseMs: 100, maxMs: 1_000 });
    backoff.pause('a@x.example', 1, 40);
    const started = performance.now();
    await backoff.wait('a@x.example');
    expect(performance.now() - started).toBeGreaterThanOrEqual(38);
  });
});

describe('ConcurrencyLimit', () => {
  it('lets at most `limit` holders in, first come first served', async () => {
    const limit = new ConcurrencyLimit(2);
    const order: number[] = [];
    const r1 = await limit.acquire();
    const r2 = await limit.acquire();
    const third = limit.acquire().then((r) => (order.push(3), r));
    const fourth = limit.acquire().then((r) => (order.push(4), r));
    expect(limit.queued).toBe(2);
    r1();
    r1();
    const r3 = await third;
    expect(limit.inFlight).toBe(2);
    r2();
    (await fourth)();
    r3();
    expect(order).toEqual([3, 4]);
    expect(limit.inFlight).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
  });
});
