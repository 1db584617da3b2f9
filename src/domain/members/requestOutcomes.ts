import type { FailureCode, GenerationState } from '../generation.js';

/** A request that ended, as the cooldown and the vendor-wide spell read it. */
export interface EndedRequest {
  id: number;
  guildId: string;
  userId: string;
  state: GenerationState;
  errorCode: FailureCode | null;
  /** When the vendor took it; null when it never did. */
  submittedAt: Date | null;
  finishedAt: Date;
}

/**
 * The vendor's 400-class refusals of what a member asked for. LOGIN_REQUIRED (401) is the
 * operator's key, 402 and 429 the account and the key, 5xx and transport errors the vendor or the
 * network, UNKNOWN and OUTCOME_UNKNOWN unknown: none of those is the member's doing.
 */
const refusedRequests: readonly FailureCode[] = ['SHOTS_REQUIRED', 'PROMPT_REQUIRED', 'INVALID_IMAGE_COUNT', 'IMAGE_URLS_REQUIRED'];

/**
 * What each way of ending says about the vendor: `vendor`, it answered with a failure or failed to
 * answer (the spell reads these as failures); `not_vendor`, it ended by our doing, a member's, a
 * moderator's or a server key's, before or without the vendor failing (the spell ignores these).
 * A Record, so every new code must be classified here.
 */
const endedBy: Record<FailureCode, 'vendor' | 'not_vendor'> = {
  LOGIN_REQUIRED: 'vendor',
  API_KEY_RATE_LIMIT_EXCEEDED: 'vendor',
  INSUFFICIENT_CREDITS: 'vendor',
  SHOTS_REQUIRED: 'vendor',
  PROMPT_REQUIRED: 'vendor',
  INVALID_IMAGE_COUNT: 'vendor',
  IMAGE_URLS_REQUIRED: 'vendor',
  GENERATION_FAILED: 'vendor',
  TASK_IDS_REQUIRED: 'vendor',
  TASK_NOT_FOUND: 'vendor',
  INTERNAL_ERROR: 'vendor',
  UNKNOWN: 'vendor',
  OUTCOME_UNKNOWN: 'vendor',
  TRANSPORT_TIMEOUT: 'vendor',
  TRANSPORT_NETWORK: 'vendor',
  TRANSPORT_MALFORMED: 'vendor',
  timeout: 'vendor',
  NO_VIDEO_URL: 'vendor',
  /** Our own error around a submit. */
  INTERNAL: 'not_vendor',
  QUEUE_TIMEOUT: 'not_vendor',
  QUEUE_TEXT_TIMEOUT: 'not_vendor',
  discord_unavailable: 'not_vendor',
  APPROVAL_DENIED: 'not_vendor',
  APPROVAL_EXPIRED: 'not_vendor',
  APPROVAL_UNAVAILABLE: 'not_vendor',
  APPROVAL_IMAGES_EXPIRED: 'not_vendor',
  CANCELLED: 'not_vendor',
  /** The operator took its key away while it ran. */
  KEY_REMOVED: 'not_vendor',
  /** One server's own key, refused or removed: that server's matter, not the vendor's for everyone. */
  SERVER_KEY_REFUSED: 'not_vendor',
  SERVER_KEY_REMOVED: 'not_vendor',
  SERVER_KEY_REQUIRED: 'not_vendor',
  SERVER_KEY_LOCKED: 'not_vendor',
};

/**
 * A request that counts towards its member's cooldown: refused by the vendor with a 400-class
 * error, or taken by the vendor and ended with every shot failed there (GENERATION_FAILED after a
 * submit; a submit answered 500 GENERATION_FAILED was never taken and does not count).
 */
export function countsAgainstMember(request: EndedRequest): boolean {
  if (request.errorCode === null) return false;
  if (refusedRequests.includes(request.errorCode)) return true;
  return request.state === 'failed' && request.errorCode === 'GENERATION_FAILED' && request.submittedAt !== null;
}

/** How the vendor-wide spell reads an ended request: it failed, succeeded, or never reached the vendor. */
export function vendorOutcome(request: EndedRequest): 'failed' | 'succeeded' | 'not_sent' {
  if (request.errorCode !== null && endedBy[request.errorCode] === 'not_vendor') return 'not_sent';
  if (request.state === 'completed') return 'succeeded';
  // A partial video still came from the vendor: some of it worked.
  if (request.state === 'partial') return 'succeeded';
  return 'failed';
}
