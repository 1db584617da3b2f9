
/** The operator's rules for each member, from the settings; a server's admins may change the active limit. */
export interface MemberPolicy {
  /** Requests per member per server waiting or being made at once; 0 = no limit. */
  activeLimit: number;
  /** The same request by the same member within this is one request; 0 = off. */
  duplicateWindowMs: number;
  /** Requests refused or failed at the vendor within an hour that start a cooldown; 0 = off. */
  failureLimit: number;
}


/** The window failures are counted in, and how long a cooldown lasts from the failure that started it. */
export const COOLDOWN_MS = 60 * 60_000;
/** A vendor-wide spell: half or more of the other members' requests failing within this. */
export const SPELL_WINDOW_MS = 10 * 60_000;
/** Fewer other requests than this in the window say nothing about the vendor. */
export const SPELL_MIN_REQUESTS = 3;
/** The most `/veo-admin member-limit` takes. */
export const MAX_ACTIVE_LIMIT = 100;
