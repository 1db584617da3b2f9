import type { FailureCode } from '../../../domain/generation.js';

/** Why a request left the queue without its turn (the turns of issue 19); merged into the failure notes. */
export const turnsFailures = {
  QUEUE_TEXT_TIMEOUT: 'Le service vidéo est resté occupé si longtemps que cette demande a attendu plus longtemps que le bot ne le permet : elle a donc été abandonnée sans être envoyée. Vos crédits vous ont été rendus ; réessayez plus tard.',
} satisfies Partial<Record<FailureCode, string>>;
