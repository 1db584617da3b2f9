/**
 * Every custom id the bot puts on a button or a form: `<prefix>:<rest>`, where `rest` names only
 * the subject (a question, a generation), so the handler found by the prefix works after a restart.
 */
export const customIdPrefixes = {
  /** A costly request's question, answered. */
  confirm: 'veo-confirm',
  cancel: 'veo-cancel',
  /** The `/veo story` form; it has no subject. */
  story: 'veo-story',
  /** A result's buttons, and the Remix form they open. */
  again: 'veo-again',
  remix: 'veo-remix',
  details: 'veo-details',
  delete: 'veo-delete',
  /** A waiting request's Cancel (distinct from a question's `veo-cancel`). */
  withdraw: 'veo-withdraw',
  /** A waiting request's buttons in the approval channel, and the Deny form they open. */
  approve: 'veo-approve',
  deny: 'veo-deny',
  denyReason: 'veo-deny-reason',
  /** Extend (and the form it opens) and Join, on a finished result when the bot has ffmpeg. */
  extend: 'veo-extend',
  join: 'veo-join',
  /** The form a server's admin pastes its own nanophoto key in; it has no subject. */
  apiKey: 'veo-api-key',
} as const;

export type CustomIdPrefix = (typeof customIdPrefixes)[keyof typeof customIdPrefixes];

export const customId = (prefix: CustomIdPrefix, subject: string | number): string => `${prefix}:${subject}`;

/** The prefix a handler is registered under, and the subject after the first colon ('' without one). */
export function splitCustomId(id: string): { prefix: string; subject: string } {
  const at = id.indexOf(':');
  return at < 0 ? { prefix: id, subject: '' } : { prefix: id.slice(0, at), subject: id.slice(at + 1) };
}
