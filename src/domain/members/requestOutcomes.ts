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

/** Ended before the vendor was asked, by nobody's failure at the vendor. */
const neverSent: readonly FailureCode[] = ['CANCELLED', 'QUEUE_TIMEOUT', 'discord_unavailable'];

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
  if (request.errorCode !== null && neverSent.includes(request.errorCode)) return 'not_sent';
  if (request.state === 'completed') return 'succeeded';
  // A partial video still came from the vendor: some of it worked.
  if (request.state === 'partial') return 'succeeded';
  return 'failed';
}
