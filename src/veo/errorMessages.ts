import { VeoApiError, VeoTransportError, type VeoErrorCode } from './errors.js';

export interface VeoErrorDescription {
  /** Short, plain, says what to do; never the vendor's raw words. */
  userMessage: string;
  /** Whether the same call may succeed later without any change. */
  retryable: boolean;
}

const GIVEN_BACK = 'Your credits were given back.';

const byCode: Record<VeoErrorCode | 'UNKNOWN', VeoErrorDescription> = {
  LOGIN_REQUIRED: {
    userMessage: `The video service refused the bot's API key. Ask the bot's operator to check NANOPHOTO_API_KEY. ${GIVEN_BACK}`,
    retryable: false,
  },
  API_KEY_RATE_LIMIT_EXCEEDED: {
    userMessage: `The bot has reached the video service's hourly request limit. Try again in a few minutes. ${GIVEN_BACK}`,
    retryable: true,
  },
  INSUFFICIENT_CREDITS: {
    userMessage: `The bot's video service account is out of credits. Ask the bot's operator to top it up. ${GIVEN_BACK}`,
    retryable: false,
  },
  SHOTS_REQUIRED: {
    userMessage: `The video service found no shot in the request. Write a prompt (separate up to 21 shots with ||). ${GIVEN_BACK}`,
    retryable: false,
  },
  PROMPT_REQUIRED: {
    userMessage: `A shot had no prompt. Make sure no shot between || separators is empty. ${GIVEN_BACK}`,
    retryable: false,
  },
  INVALID_IMAGE_COUNT: {
    userMessage: `Wrong number of images for this mode. Attach 1-2 for frames, 1-3 for reference, none for text. ${GIVEN_BACK}`,
    retryable: false,
  },
  IMAGE_URLS_REQUIRED: {
    userMessage: `The video service could not use the attached images. Attach them again as PNG, JPEG or WebP files. ${GIVEN_BACK}`,
    retryable: false,
  },
  GENERATION_FAILED: {
    userMessage: `The video service could not make this video. Try again, or change the prompt or images. ${GIVEN_BACK}`,
    retryable: true,
  },
  TASK_IDS_REQUIRED: {
    userMessage: `The bot asked the video service about this video the wrong way. Please tell the bot's operator. ${GIVEN_BACK}`,
    retryable: false,
  },
  TASK_NOT_FOUND: {
    userMessage: `The video service no longer knows this video. Start it again. ${GIVEN_BACK}`,
    retryable: false,
  },
  INTERNAL_ERROR: {
    userMessage: `The video service had an internal error. Try again in a few minutes. ${GIVEN_BACK}`,
    retryable: true,
  },
  UNKNOWN: {
    userMessage: `The video service refused the request. Try again later; if it keeps happening, tell the bot's operator. ${GIVEN_BACK}`,
    retryable: true,
  },
};

export function describeVeoCode(code: VeoErrorCode | 'UNKNOWN'): VeoErrorDescription {
  return byCode[code];
}

/** Turns any error from the client into what a member should read. */
export function describeVeoError(error: unknown): VeoErrorDescription {
  if (error instanceof VeoApiError) return byCode[error.code];
  if (error instanceof VeoTransportError) {
    if (error.outcomeUnknown) {
      return {
        userMessage:
          "The video service did not answer in time, so the bot cannot tell whether it started this video and won't send it twice. Your credits were given back; try again.",
        retryable: false,
      };
    }
    return { userMessage: `The video service could not be reached. Try again in a few minutes. ${GIVEN_BACK}`, retryable: true };
  }
  return { userMessage: `Something went wrong on the bot's side. ${GIVEN_BACK}`, retryable: false };
}
