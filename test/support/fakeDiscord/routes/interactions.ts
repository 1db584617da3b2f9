import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';
import { alreadyAcknowledged, invalidFormBody, unknownChannel, unknownInteraction, unknownMessage } from '../errors.js';
import { createMessage, editMessage, messagePayload } from '../messages.js';
import { acceptModal } from '../modals.js';
import { route, type Route } from '../rest.js';
import type { Store, StoredInteraction, StoredMessage } from '../store.js';
import { isRecord } from './access.js';
import type { UploadedFile } from '../http.js';

/** Discord drops an interaction that was not acknowledged within 3 seconds of being sent. */
const ACK_WINDOW_MS = 3000;

const badType = (message: string) => invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message }]);

function sourceMessage(store: Store, interaction: StoredInteraction): StoredMessage {
  // A modal opened from a button carries that button's message, which its submission may update.
  if (interaction.sourceMessageId === null) throw badType('This response type is only valid for component interactions');
  const message = store.messages.get(interaction.sourceMessageId ?? '');
  if (!message || message.deleted) throw unknownMessage();
  return message;
}

/** Applies one callback; returns the message it created or changed, if any. */
function respond(store: Store, interaction: StoredInteraction, type: unknown, data: Record<string, unknown>, files: UploadedFile[]) {
  const channel = store.channels.get(interaction.channelId);
  if (!channel || channel.deleted) throw unknownChannel();
  const ephemeral = (Number(data['flags'] ?? 0) & MessageFlags.Ephemeral) !== 0;
  const origin = { interactionId: interaction.id, ephemeral };
  const autocomplete = interaction.type === InteractionType.ApplicationCommandAutocomplete;
  if (autocomplete !== (type === InteractionResponseType.ApplicationCommandAutocompleteResult)) {
    throw badType(autocomplete ? 'An autocomplete interaction takes only an autocomplete result' : 'This response type is only valid for autocomplete interactions');
  }
  switch (type) {
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      choiceErrors(data['choices']);
      return undefined;
    case InteractionResponseType.ChannelMessageWithSource:
      return createMessage(store, channel, data, files, origin);
    case InteractionResponseType.DeferredChannelMessageWithSource:
      return createMessage(store, channel, { flags: data['flags'] }, [], { ...origin, loading: true });
    case InteractionResponseType.DeferredMessageUpdate:
      return sourceMessage(store, interaction);
    case InteractionResponseType.UpdateMessage: {
      const message = sourceMessage(store, interaction);
      editMessage(store, message, data, files);
      return message;
    }
    case InteractionResponseType.Modal:
      if (interaction.type === InteractionType.ModalSubmit) throw badType('A modal submission cannot be answered with another modal');
      interaction.modal = acceptModal(data);
      return undefined;
    default:
      throw badType(`The fake Discord does not support interaction response type ${String(type)}`);
  }
}

/** Discord's limits on suggestions: at most 25, names 1-100 characters, values up to 100. */
function choiceErrors(choices: unknown): void {
  if (!Array.isArray(choices) || choices.length > 25) {
    throw invalidFormBody([{ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }]);
  }
  choices.forEach((choice: unknown, i) => {
    const { name, value } = isRecord(choice) ? choice : {};
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
      throw invalidFormBody([{ path: ['data', 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }]);
    }
    if (typeof value === 'string' && value.length > 100) {
      throw invalidFormBody([{ path: ['data', 'choices', i, 'value'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }]);
    }
  });
}

function withResponse(store: Store, interaction: StoredInteraction, type: number, message: StoredMessage | undefined) {
  const body: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: { id: interaction.id, type: interaction.type },
    resource: { type },
  };
  if (message) {
    body.interaction.response_message_id = message.id;
    body.interaction.response_message_loading = (message.flags & MessageFlags.Loading) !== 0;
    body.interaction.response_message_ephemeral = message.ephemeral;
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) {
      body.resource = { type, message: messagePayload(store, message) };
    }
  }
  return body;
}

export const interactionRoutes: Route[] = [
  route('POST', '/interactions/:interactionId/:token/callback', 'none', ({ store, params, query, body, files }) => {
    const interaction = store.interactions.get(params['interactionId'] ?? '');
    if (!interaction || interaction.token !== params['token']) throw unknownInteraction();
    if (interaction.callbacks.length > 0) throw alreadyAcknowledged();
    if (interaction.tokenExpired || store.now() - interaction.dispatchedAt > ACK_WINDOW_MS) throw unknownInteraction();
    const callback = isRecord(body) ? body : {};
    const data = isRecord(callback['data']) ? callback['data'] : {};
    const message = respond(store, interaction, callback['type'], data, files);
    const type = Number(callback['type']);
    interaction.callbacks.push('data' in callback ? { type, data: callback['data'] } : { type });
    if (message) interaction.originalId = message.id;
    if (query.get('with_response') !== 'true') return { status: 204 };
    return { status: 200, body: withResponse(store, interaction, type, message) };
  }),
];
