import type { FailureCode } from '../../../domain/generation.js';

/** Why a request left the queue without its turn (the turns of issue 19); merged into the failure notes. */
export const turnsFailures = {
  QUEUE_TEXT_TIMEOUT: 'O serviço de vídeo ficou ocupado por tanto tempo que esta solicitação esperou mais do que o bot permite, então foi descartada sem ser enviada. Seus créditos foram devolvidos; tente mais tarde.',
} satisfies Partial<Record<FailureCode, string>>;
