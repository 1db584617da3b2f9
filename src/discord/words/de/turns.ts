import type { FailureCode } from '../../../domain/generation.js';

/** Why a request left the queue without its turn (the turns of issue 19); merged into the failure notes. */
export const turnsFailures = {
  QUEUE_TEXT_TIMEOUT: 'Der Videodienst war so lange ausgelastet, dass diese Anfrage länger gewartet hat, als der Bot zulässt; sie wurde daher verworfen und nicht gesendet. Ihre Credits wurden zurückerstattet; versuchen Sie es später erneut.',
} satisfies Partial<Record<FailureCode, string>>;
