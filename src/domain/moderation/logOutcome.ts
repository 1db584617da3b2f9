import type { Generation } from '../generation.js';

/** How a final request ended, as the moderators' log says it. */
export type LogOutcome = 'completed' | 'partial' | 'failed' | 'denied' | 'expired' | 'cancelled';

export function logOutcomeOf(generation: Pick<Generation, 'state' | 'errorCode'>): LogOutcome {
  if (generation.state === 'completed' || generation.state === 'partial') return generation.state;
  switch (generation.errorCode) {
    case 'APPROVAL_DENIED':
      return 'denied';
    case 'APPROVAL_EXPIRED':
      return 'expired';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'failed';
  }
}
