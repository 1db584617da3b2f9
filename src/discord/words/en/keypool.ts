import { credits, number, plural, relative } from './format.js';

/** One of the operator's API keys, as /veo-operator keys lists it: named by its fingerprint, never the key. */
export interface KeyLine {
  fingerprint: string;
  requestsLeft: number;
  running: number;
  accountEmpty: boolean;
  unknownPaused: boolean;
  rateLimitedUntil: Date | null;
}

/** Which key a DM is about, when the operator has several. */
interface KeyAlert {
  keyFingerprint: string;
  otherKeys: number;
}

/** The operator's pool of API keys (NANOPHOTO_API_KEYS): /veo-operator keys and the DMs about one key. */
export const keyPoolWords = {
  'operator.keys.description': () => "Each of the bot's API keys: requests left this hour, empty or paused",
  'operator.keys.title': (p: { count: number }) => `${number(p.count)} API ${plural(p.count, { one: 'key', other: 'keys' })}`,
  'operator.keys.line': (p: KeyLine) =>
    [
      `\`${p.fingerprint}\`: ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'request', other: 'requests' })} left this hour, ` +
        `${number(p.running)} ${plural(p.running, { one: 'video', other: 'videos' })} in progress`,
      p.accountEmpty ? 'its account is **empty**' : 'its account has credits',
      p.unknownPaused ? '**paused** after unknown outcomes' : '',
      p.rateLimitedUntil ? `the service asked it to wait until ${relative(p.rateLimitedUntil)}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') + '.',
  'operator.keys.footer': () => 'Keys are shown by fingerprint only. /veo-operator resume lifts every key held by an empty account or unknown outcomes.',
  'operator.keys.accountEmptyDm': (p: KeyAlert & { requiredCredits: number | null; waitingCredits: number }) =>
    `The nanophoto account behind API key \`${p.keyFingerprint}\` is out of credits` +
    (p.requiredCredits === null ? '.' : ` (the last request needed ${credits(p.requiredCredits)}).`) +
    ` Nothing is sent on that key until it has credits again; the other ${number(p.otherKeys)} ${plural(p.otherKeys, { one: 'key goes', other: 'keys go' })} on, and members wait only if every key is held.` +
    ` The waiting requests need ${credits(p.waitingCredits)} in total.` +
    ' Top the account up, then run /veo-operator resume, or the bot tries that key again every little while by itself.',
  'operator.keys.unknownOutcomesDm': (p: KeyAlert & { count: number }) =>
    `Submissions on API key \`${p.keyFingerprint}\` are paused: the last ${number(p.count)} ${plural(p.count, { one: 'video request', other: 'video requests' })} on it in a row got no clear answer` +
    ' (a time-out, a cut connection or an answer the bot could not read). The vendor may have charged them: your ceilings and global budget count them, members are not charged.' +
    ` The other ${number(p.otherKeys)} ${plural(p.otherKeys, { one: 'key goes', other: 'keys go' })} on. Check the video service, then run /veo-operator resume.`,
};
