/** A server's budget period: UTC calendar days, ISO weeks (Monday to Monday) or calendar months. */
export const periods = ['day', 'week', 'month'] as const;
export type Period = (typeof periods)[number];

/** One concrete period: `start` inclusive, `end` exclusive, both UTC instants. */
export interface PeriodWindow {
  period: Period;
  /** Stable and readable: `day:2026-01-05`, `week:2026-01-05` (its Monday), `month:2026-01`. */
  key: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

export function periodWindow(at: Date, period: Period): PeriodWindow {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const midnight = Date.UTC(year, month, at.getUTCDate());
  switch (period) {
    case 'day':
      return { period, key: `day:${isoDate(midnight)}`, start: new Date(midnight), end: new Date(midnight + DAY_MS) };
    case 'week': {
      // getUTCDay() is 0 on Sunday; ISO weeks start on Monday.
      const monday = midnight - ((at.getUTCDay() + 6) % 7) * DAY_MS;
      return { period, key: `week:${isoDate(monday)}`, start: new Date(monday), end: new Date(monday + 7 * DAY_MS) };
    }
    case 'month': {
      const start = Date.UTC(year, month, 1);
      return { period, key: `month:${isoDate(start).slice(0, 7)}`, start: new Date(start), end: new Date(Date.UTC(year, month + 1, 1)) };
    }
  }
}

export function isWithin(at: Date, window: PeriodWindow): boolean {
  return at >= window.start && at < window.end;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
