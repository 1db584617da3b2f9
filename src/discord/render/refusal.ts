import type { UserFacingError } from '../../domain/errors.js';
import type { MessageId, Translate } from '../words/catalogue.js';

/** A refusal in the member's words; the catalogue has one message per code, typed by its details. */
export function refusalText(refusal: UserFacingError, say: Translate): string {
  const id = `refusal.${refusal.code}` as const satisfies MessageId;
  return (say as (id: MessageId, details: unknown) => string)(id, refusal.details);
}
