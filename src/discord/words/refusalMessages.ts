import type { PrivacyRefusalDetails, RefusalCode, RefusalDetails } from '../../domain/errors.js';

export type RefusalWords = { [C in RefusalCode]: (details: RefusalDetails[C]) => string };
/** A locale's refusals but those of its privacy section. */
export type CoreRefusalWords = Omit<RefusalWords, keyof PrivacyRefusalDetails>;
export type PrivacyRefusalWords = Pick<RefusalWords, keyof PrivacyRefusalDetails>;
type RefusalMessages = { [C in RefusalCode as `refusal.${C}`]: RefusalWords[C] };

/** A locale's refusals as catalogue messages: `refusal.<code>`. */
export const refusalMessages = (refusals: RefusalWords) =>
  Object.fromEntries(Object.entries(refusals).map(([code, message]) => [`refusal.${code}`, message])) as RefusalMessages;
