/**
 * An expected refusal: the user did something we can explain. Its message is shown to them as a
 * short ephemeral reply; its code is stable, for logs and tests.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
