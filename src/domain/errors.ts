import type { Resolution } from '../veo/types.js';
import type { Period } from './quota/periods.js';
import type { Mode } from './modes.js';
import type { MemberRefusalDetails } from './members/memberRefusals.js';

type Nothing = Record<string, never>;

/** What an admin typed an amount for; each refusal names it. */
export type AmountField = 'budget' | 'member_cap' | 'role_allowance' | 'adjustment' | 'confirm_threshold' | 'ceiling' | 'global_budget';

/**
 * Every refusal a member can meet, by code, with the data that explains it. The words live in the
 * renderers' catalogue, which must have one message per code with exactly these parameters.
 */
export interface RefusalDetails extends MemberRefusalDetails, PrivacyRefusalDetails {
  not_in_server: Nothing;
  not_admin: Nothing;
  not_operator: Nothing;
  /** GUILD_ACCESS=allowlist and the operator did not allow this server. */
  guild_not_enabled: Nothing;
  // /veo prompt
  bad_option: { option: 'mode' | 'aspect' | 'resolution'; value: string; allowed: readonly string[] };
  empty_prompt: Nothing;
  prompt_too_long: { length: number; max: number };
  prompt_control_chars: Nothing;
  empty_shot: { separator: string };
  shot_too_long: { shot: number; max: number };
  too_many_shots: { count: number; max: number };
  single_shot_resolution: { resolution: Resolution; separator: string };
  frames_multi_shot: { separator: string };
  frames_slots: Nothing;
  not_an_image: { name: string };
  image_too_large: { name: string; bytes: number; maxBytes: number };
  image_not_public: { name: string };
  images_with_text_mode: Nothing;
  too_few_images: { mode: Exclude<Mode, 'text'> };
  too_many_images: { mode: Mode; count: number; max: number };
  // /veo story
  story_empty: Nothing;
  story_resolution: { resolution: Resolution; shots: number };
  // quota
  quota_disabled: Nothing;
  operator_paused: Nothing;
  quota_ceiling_spent: { ceiling: number; used: number; cost: number; period: Period; resetsAt: Date };
  quota_global_spent: { budget: number; used: number; cost: number; period: Period; resetsAt: Date };
  quota_paused: Nothing;
  quota_budget_spent: { budget: number; used: number; cost: number; period: Period; resetsAt: Date };
  quota_member_cap: { cap: number; used: number; cost: number; period: Period; resetsAt: Date };
  // admin input
  invalid_amount: { field: AmountField; min: number; max: number };
  invalid_period: { allowed: readonly Period[] };
  invalid_reason: { max: number };
  give_back_over_used: { userId: string; used: number; period: Period };
  budget_amount_and_unlimited: Nothing;
  budget_amount_missing: Nothing;
  budget_over_ceiling: { ceiling: number; period: Period };
  invalid_server: { value: string };
  // buttons and lookups
  not_your_confirmation: Nothing;
  generation_not_found: { id: number };
  // a result's buttons and the Remix form
  result_unknown: { id: number };
  result_other_server: { id: number };
  result_other_message: { id: number };
  result_removed: { id: number };
  result_remove_not_allowed: { id: number };
  result_images_expired: { id: number };
  remix_images_expired: { id: number };
  // Extend and Join
  /** The video's file can no longer be fetched (its link expired) and the bot kept none. */
  result_video_gone: { id: number };
  /** The bot has no ffmpeg: no frames, no joins. */
  video_tools_off: Nothing;
  /** ffmpeg failed or ran past its time limit on this video. */
  video_work_failed: { id: number };
  // a server's own vendor key (/veo-admin api-key, and members of a server that has or needs one)
  server_keys_off: Nothing;
  server_keys_no_secret: Nothing;
  server_keys_unusable: Nothing;
  server_key_malformed: Nothing;
  server_key_invalid: Nothing;
  server_key_operators: Nothing;
  server_key_check_unavailable: Nothing;
  server_key_none: Nothing;
  server_key_required: Nothing;
  server_key_locked: Nothing;
  server_key_paused: Nothing;
}

/** Blocked words, members' images kept private, erased results; worded in each locale's privacy section. */
export interface PrivacyRefusalDetails {
  prompt_blocked: { entry: string };
  blocklist_no_entries: Nothing;
  blocklist_entry_too_long: { max: number };
  blocklist_entry_no_letters: { entry: string };
  blocklist_full: { max: number; count: number; adding: number };
  again_images_not_yours: { id: number };
  result_too_old: { id: number };
}

export type RefusalCode = keyof RefusalDetails;

type DetailsArgs<C extends RefusalCode> = RefusalDetails[C] extends Nothing ? [] : [details: RefusalDetails[C]];

/**
 * An expected refusal: the member did something we can explain. It carries a stable code and the
 * data to explain it; the router renders it as a short private reply in the member's language.
 */
export class UserFacingError<C extends RefusalCode = RefusalCode> extends Error {
  override readonly name = 'UserFacingError';
  readonly details: RefusalDetails[C];

  constructor(
    readonly code: C,
    ...[details]: DetailsArgs<C>
  ) {
    super(code);
    this.details = (details ?? {}) as RefusalDetails[C];
  }
}

/** Throws the refusal; for use in expressions. */
export function refuse<C extends RefusalCode>(code: C, ...details: DetailsArgs<C>): never {
  throw new UserFacingError(code, ...details);
}
