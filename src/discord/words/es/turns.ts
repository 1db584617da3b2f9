import type { FailureCode } from '../../../domain/generation.js';

/** Why a request left the queue without its turn (the turns of issue 19); merged into the failure notes. */
export const turnsFailures = {
  QUEUE_TEXT_TIMEOUT: 'El servicio de video estuvo ocupado tanto tiempo que esta solicitud esperó más de lo que el bot permite, así que se descartó sin enviarse. Se te devolvieron los créditos; inténtalo más tarde.',
} satisfies Partial<Record<FailureCode, string>>;
