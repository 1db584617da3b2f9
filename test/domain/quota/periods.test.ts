import { describe, expect, it } from 'vitest';
import { isWithin, periodWindow } from '../../../src/domain/quota/periods.js';

const at = (iso: string) => new Date(iso);

describe('periodWindow', () => {
  it('days are UTC calendar days', () => {
    expect(periodWindow(at('2026-03-10T23:59:59.999Z'), 'day')).toEqual({
      period: 'day',
      key: 'day:2026-03-10',
      start: at('2026-03-10T00:00:00.000Z'),
      end: at('2026-03-11T00:00:00.000Z'),
    });
    expect(periodWindow(at('2026-03-11T00:00:00.000Z'), 'day').key).toBe('day:2026-03-11');
  });

  it('weeks run from Monday 00:00 UTC to the next Monday', () => {
    // 2026-01-04 is a Sunday, 2026-01-05 a Monday.
    const sunday = periodWindow(at('2026-01-04T23:59:59.999Z'), 'week');
    expect(sunday).toEqual({ period: 'week', key: 'week:2025-12-29', start: at('2025-12-29T00:00:00Z'), end: at('2026-01-05T00:00:00Z') });
    const monday = periodWindow(at('2026-01-05T00:00:00.000Z'), 'week');
    expect(monday).toEqual({ period: 'week', key: 'week:2026-01-05', start: at('2026-01-05T00:00:00Z'), end: at('2026-01-12T00:00:00Z') });
    expect(periodWindow(at('2026-01-11T12:00:00Z'), 'week').key).toBe('week:2026-01-05');
  });

  it('months are calendar months, across years and leap days', () => {
    expect(periodWindow(at('2025-12-31T23:59:59.999Z'), 'month')).toEqual({
      period: 'month',
      key: 'month:2025-12',
      start: at('2025-12-01T00:00:00Z'),
      end: at('2026-01-01T00:00:00Z'),
    });
    expect(periodWindow(at('2026-01-01T00:00:00Z'), 'month').key).toBe('month:2026-01');
    expect(periodWindow(at('2028-02-29T12:00:00Z'), 'month').end).toEqual(at('2028-03-01T00:00:00Z'));
  });

  it('ignores the host time zone', () => {
    const window = periodWindow(at('2026-06-15T01:30:00+05:00'), 'day');
    expect(window.key).toBe('day:2026-06-14');
  });

  it('places every instant in exactly one window', () => {
    for (const period of ['day', 'week', 'month'] as const) {
      for (let ms = Date.UTC(2025, 11, 20); ms < Date.UTC(2026, 2, 10); ms += 7 * 3_600_000 + 13) {
        const window = periodWindow(new Date(ms), period);
        expect(isWithin(new Date(ms), window)).toBe(true);
        expect(periodWindow(new Date(window.end.getTime() - 1), period).key).toBe(window.key);
        expect(periodWindow(window.end, period).start).toEqual(window.end);
      }
    }
  });
});
