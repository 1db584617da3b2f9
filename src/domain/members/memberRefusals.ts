/**
 * The refusals of the member rules, by code, with what explains each; part of `RefusalDetails`.
 * Their words are the catalogue's `members` section in each language.
 */
export interface MemberRefusalDetails {
  /** The member has `active` requests waiting or being made; the server allows `limit`. */
  member_active_limit: { active: number; limit: number };
  /** The same request by the same member a moment ago: the first one, and where its reply is when known. */
  duplicate_request: { id: number; guildId: string; channelId: string; messageId: string | null };
  /** Too many of the member's requests were refused or failed at the video service lately. */
  member_cooldown: { until: Date; failures: number };
  /** Cancel pressed by someone who neither asked for it nor has Manage Messages. */
  withdraw_not_allowed: { id: number };
  /** Cancel pressed once the request was sent (`sent`) or ended otherwise. */
  withdraw_too_late: { id: number; sent: boolean };
  /** Cancel pressed again: it was cancelled already, by `by`. */
  withdraw_already: { id: number; by: string | null };
  /** `/veo-admin member-limit` out of range. */
  invalid_member_limit: { min: number; max: number };
}

export type MemberRefusalCode = keyof MemberRefusalDetails;
