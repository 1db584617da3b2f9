import { RESTJSONErrorCodes } from 'discord-api-types/v10';

/** A Discord error response: `{ message, code }` (and `errors` for form errors) with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

export const unauthorized = () => new ApiError(401, 0, '401: Unauthorized');
export const unknownChannel = () => new ApiError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
export const unknownGuild = () => new ApiError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
export const unknownMessage = () => new ApiError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
export const unknownWebhook = () => new ApiError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
export const unknownInteraction = () => new ApiError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
export const unknownCommand = () => new ApiError(404, RESTJSONErrorCodes.UnknownApplicationCommand, 'Unknown application command');
export const missingAccess = () => new ApiError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
export const requestTooLarge = () => new ApiError(413, RESTJSONErrorCodes.RequestEntityTooLarge, 'Request entity too large');
export const missingPermissions = () => new ApiError(403, RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');
export const notAuthor = () =>
  new ApiError(403, RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user');
export const cannotDmUser = () => new ApiError(403, RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'Cannot send messages to this user');
export const notThisApplication = () =>
  new ApiError(
    403,
    RESTJSONErrorCodes.NotAuthorizedToPerformThisActionOnThisApplication,
    'You are not authorized to perform this action on this application',
  );
export const alreadyAcknowledged = () =>
  new ApiError(400, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.');
export const invalidWebhookToken = () => new ApiError(401, RESTJSONErrorCodes.InvalidWebhookToken, 'Invalid Webhook Token');
export const oldMessageEditsExhausted = () =>
  new ApiError(400, RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached, 'Maximum number of edits to messages older than 1 hour reached. Try again later');
export const emptyMessage = () => new ApiError(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
export const invalidJson = () => new ApiError(400, RESTJSONErrorCodes.RequestBodyContainsInvalidJSON, 'The request body contains invalid JSON.');

export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Discord nests form errors by field path: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export function invalidFormBody(fieldErrors: FieldError[]): ApiError {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of fieldErrors) {
    let node = errors;
    for (const key of path) {
      const next = (node[String(key)] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = (node['_errors'] ??= []) as unknown[];
    list.push({ code, message });
  }
  return new ApiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body', errors);
}
