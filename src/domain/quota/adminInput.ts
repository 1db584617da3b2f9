import { refuse, type AmountField } from '../errors.js';
import { periods, type Period } from './periods.js';

/** Far above any real budget (a 4k video is 30 credits), low enough to stay a plain integer everywhere. */
export const MAX_CREDITS = 1_000_000;
export const MAX_REASON_LENGTH = 200;

/** An admin-given amount of credits: a whole number from `min` to MAX_CREDITS. */
export function creditAmount(value: number, field: AmountField, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_CREDITS) refuse('invalid_amount', { field, min, max: MAX_CREDITS });
  return value;
}

export function budgetPeriod(value: string): Period {
  if (!(periods as readonly string[]).includes(value)) refuse('invalid_period', { allowed: periods });
  return value as Period;
}

export function adjustmentReason(value: string): string {
  const reason = value.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) refuse('invalid_reason', { max: MAX_REASON_LENGTH });
  return reason;
}

/** Amounts from our own code (prices, the API's creditsUsed): a wrong one is a bug, not a refusal. */
export function assertCredits(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
}
