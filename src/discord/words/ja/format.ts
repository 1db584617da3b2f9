import type { Period } from '../../../domain/quota/periods.js';
import { minutesAndSeconds, numberFormat } from '../numbers.js';

export { dateTime, relative } from '../timestamps.js';

/** How Japanese messages write numbers, amounts, periods and times. */
export const { number, megabytes } = numberFormat('ja-JP');
export const credits = (n: number) => `${number(n)}クレジット`;
export const periodNoun: Record<Period, string> = { day: '日', week: '週', month: '月' };
export const thisPeriod = (period: Period) => ({ day: '今日', week: '今週', month: '今月' })[period];
const perPeriodPrefix: Record<Period, string> = { day: '1日あたり', week: '1週間あたり', month: '1か月あたり' };
export const perPeriod = (n: number, period: Period) => `${perPeriodPrefix[period]}${credits(n)}`;
export const limitText = (remaining: number | null) => (remaining === null ? '上限なし' : credits(remaining));

export function duration(seconds: number): string {
  const { minutes, rest } = minutesAndSeconds(seconds);
  return minutes > 0 ? `${minutes}分${rest}秒` : `${rest}秒`;
}
