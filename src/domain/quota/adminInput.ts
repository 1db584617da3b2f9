import { refusals } from './refusals.js';
import { periods, type Period } from './periods.js';

/** Far above any real budget (a 4k video is 30 credits), low enough to stay a plain integer everywhere. */
export const MAX_CREDITS = 1_000_000;
export const MAX_REASON_LENGTH = 200;

/** An admin-given amount of credits: a whole number from `min` to MAX_CREDITS. */
export function creditAmount(value: number, what: string, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_CREDITS) {
    throw refusals.invalid(`${what} must be a whole number of credits from ${min} to ${MAX_CREDITS.toLocaleString('en-US')}.`);
  }
  return value;
}

export function budgetPeriod(value: string): Period {
  if (!(periods as readonly string[]).includes(value)) throw refusals.invalid('The period must be day, week or month.');
  return value as Period;
}

export function adjustmentReason(value: string): string {
  const reason = value.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw refusals.invalid(`Give a reason of 1 to ${MAX_REASON_LENGTH} characters; it is kept in the credit history.`);
  }
  return reason;
}

/** Amounts from our own code (prices, the API's creditsUsed): a wrong one is a bug, not a refusal. */
export function assertCredits(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
}
