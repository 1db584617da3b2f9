import type { FailureCode } from '../../../domain/generation.js';

/** Why a request left the queue without its turn (the turns of issue 19); merged into the failure notes. */
export const turnsFailures = {
  QUEUE_TEXT_TIMEOUT: 'The video service stayed busy so long that this request waited past the longest wait the bot allows, so it was dropped and nothing was sent. Your credits were given back; try again later.',
} satisfies Partial<Record<FailureCode, string>>;
