import { UserFacingError } from '../../src/domain/errors.js';

/** The refusal `run` throws; fails the test when it throws nothing or something else. */
export function refusalOf(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
