import type { PrivacyRefusalDetails, RefusalCode, RefusalDetails } from '../../domain/errors.js';
import type { MemberRefusalCode } from '../../domain/members/memberRefusals.js';

export type RefusalWords = { [C in RefusalCode]: (details: RefusalDetails[C]) => string };
/** Servers' own keys' refusals, in the `serverKeys` section. */
type ServerKeyRefusalCode = Extract<RefusalCode, `server_key${string}`>;
/** A locale's refusals file: every code but those a feature's own section words. */
export type BaseRefusalWords = Omit<RefusalWords, MemberRefusalCode | keyof PrivacyRefusalDetails | ServerKeyRefusalCode>;
/** The member rules' refusals, in the `members` section. */
export type MemberRefusalWords = Pick<RefusalWords, MemberRefusalCode>;
/** Blocked words' and members' images' refusals, in the `privacy` section. */
export type PrivacyRefusalWords = Pick<RefusalWords, keyof PrivacyRefusalDetails>;
type RefusalMessages = { [C in RefusalCode as `refusal.${C}`]: RefusalWords[C] };

/** A locale's refusals as catalogue messages: `refusal.<code>`. */
export const refusalMessages = (refusals: RefusalWords) =>
  Object.fromEntries(Object.entries(refusals).map(([code, message]) => [`refusal.${code}`, message])) as RefusalMessages;
