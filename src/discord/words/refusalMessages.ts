import type { RefusalCode, RefusalDetails } from '../../domain/errors.js';

export type RefusalWords = { [C in RefusalCode]: (details: RefusalDetails[C]) => string };
type RefusalMessages = { [C in RefusalCode as `refusal.${C}`]: RefusalWords[C] };

/** A locale's refusals as catalogue messages: `refusal.<code>`. */
export const refusalMessages = (refusals: RefusalWords) =>
  Object.fromEntries(Object.entries(refusals).map(([code, message]) => [`refusal.${code}`, message])) as RefusalMessages;
