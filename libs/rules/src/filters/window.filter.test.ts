import { describe, expect, it } from 'vitest';
import { absence, appointment, contact, email, NOW, task } from '../fixtures.test-support.js';
import { inDeletionWindow, inWindow } from './window.filter.js';

const window = { pastDays: 30, futureDays: 365, deletionPastDays: 10 };
const at = (iso: string) => appointment({ start: iso, end: iso });

describe('time window on the item’s own date', () => {
  it('includes both edges and excludes what lies beyond', () => {
    expect(inWindow(at('2026-10-26T10:00:00Z'), window, NOW)).toBe(true);
    expect(inWindow(at('2026-10-26T09:59:59Z'), window, NOW)).toBe(false);
    expect(inWindow(at('2027-11-25T10:00:00Z'), window, NOW)).toBe(true);
    expect(inWindow(at('2027-11-25T10:00:01Z'), window, NOW)).toBe(false);
  });

  it('uses each type’s own date and lets undated items through', () => {
    expect(inWindow(task({ due: undefined, start: undefined }), window, NOW)).toBe(true);
    expect(inWindow(contact(), window, NOW)).toBe(true);
    expect(inWindow(email({ receivedAt: '2026-11-20T00:00:00Z', sentAt: '2020-01-01T00:00:00Z' }), window, NOW)).toBe(true);
    expect(inWindow(absence({ start: '2026-01-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }), window, NOW)).toBe(true);
  });

  it('keeps a series whose end date lies in the window, drops one that ended before it', () => {
    const series = (endDate: string) =>
      appointment({
        start: '2025-01-06T09:00:00Z',
        end: '2025-01-06T10:00:00Z',
        recurrence: { pattern: { kind: 'daily', interval: 1 }, range: { kind: 'endDate', startDate: '2025-01-06', endDate } },
      });
    expect(inWindow(series('2026-11-01'), window, NOW)).toBe(true);
    expect(inWindow(series('2026-10-01'), window, NOW)).toBe(false);
  });

  it('propagates deletions of items dated within deletionPastDays, and of undated ones', () => {
    expect(inDeletionWindow(at('2026-11-16T00:00:00Z'), window, NOW)).toBe(true);
    expect(inDeletionWindow(at('2026-11-14T00:00:00Z'), window, NOW)).toBe(false);
    expect(inDeletionWindow(at('2030-01-01T00:00:00Z'), window, NOW)).toBe(true);
    expect(inDeletionWindow(contact(), window, NOW)).toBe(true);
    expect(inDeletionWindow(undefined, window, NOW)).toBe(true);
  });
});
