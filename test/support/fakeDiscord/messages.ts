import {
  InteractionType,
  MessageFlags,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIApplicationCommandInteractionMetadata,
  type APIMessageComponentInteractionMetadata,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import { emptyMessage, invalidFormBody } from './errors.js';
import type { UploadedFile } from './http.js';
import { computeMentions } from './mentions.js';
import { botUserPayload, userPayload } from './payloads.js';
import { userOf, type Store, type StoredChannel, type StoredInteraction, type StoredMessage } from './store.js';
import type { FakeMessage } from './types.js';
import { messageBodyErrors } from './validate.js';

export type Json = Record<string, unknown>;

/** Flags a bot may set when sending; Discord ignores the rest. */
const SENDABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export interface MessageOrigin {
  /** default the bot */
  authorId?: string;
  interactionId: string | null;
  ephemeral: boolean;
  loading?: boolean;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function validate(body: Json): void {
  const errors = messageBodyErrors(body);
  if (errors.length > 0) throw invalidFormBody(errors);
}

function attachmentsFor(store: Store, channelId: string, files: UploadedFile[]): APIAttachment[] {
  return files.map((file) => {
    const id = store.nextId();
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`;
    store.cdnFiles.set(path, { contentType: file.contentType, data: file.data });
    const url = `${store.cdnBase}${path}`;
    return { id, filename: file.name, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

function isEmpty(message: Pick<StoredMessage, 'content' | 'embeds' | 'components' | 'attachments'>): boolean {
  return message.content === '' && message.embeds.length === 0 && message.components.length === 0 && message.attachments.length === 0;
}

export function createMessage(store: Store, channel: StoredChannel, body: Json, files: UploadedFile[], origin: MessageOrigin): StoredMessage {
  validate(body);
  const content = typeof body['content'] === 'string' ? body['content'] : '';
  const mentions = computeMentions(content, body['allowed_mentions']);
  const interaction = origin.interactionId ? store.interactions.get(origin.interactionId) : undefined;
  let flags = Number(body['flags'] ?? 0) & SENDABLE_FLAGS;
  if (origin.ephemeral) flags |= MessageFlags.Ephemeral;
  if (origin.loading) flags |= MessageFlags.Loading;
  const message: StoredMessage = {
    id: store.nextId(),
    channelId: channel.id,
    guildId: channel.guildId,
    authorId: origin.authorId ?? store.botUserId,
    content,
    embeds: list<APIEmbed>(body['embeds']),
    components: list<APIMessageTopLevelComponent>(body['components']),
    attachments: attachmentsFor(store, channel.id, files),
    flags,
    type: interaction?.type === InteractionType.ApplicationCommand ? 20 : 0,
    tts: body['tts'] === true,
    allowedMentions: body['allowed_mentions'],
    mentionedUserIds: mentions.userIds,
    mentionedRoleIds: mentions.roleIds,
    mentionEveryone: mentions.everyone,
    timestamp: store.isoNow(),
    editedTimestamp: null,
    edits: 0,
    deleted: false,
    ephemeral: origin.ephemeral,
    interactionId: origin.interactionId,
    nonce: body['nonce'] === undefined || body['nonce'] === null ? null : String(body['nonce']),
    bodies: origin.loading ? [] : [body],
  };
  if (!origin.loading && isEmpty(message)) throw emptyMessage();
  store.messages.set(message.id, message);
  if (!origin.ephemeral) channel.messageIds.push(message.id);
  return message;
}

// Discord checks an enforced nonce against the author's messages of "the past few minutes".
const NONCE_MEMORY_MS = 5 * 60_000;

/** With `enforce_nonce`, a message the same author already sent with that nonce comes back instead of a new one. */
export function messageWithNonce(store: Store, authorId: string, body: Json): StoredMessage | undefined {
  if (body['enforce_nonce'] !== true || body['nonce'] === undefined || body['nonce'] === null) return undefined;
  const nonce = String(body['nonce']);
  const since = store.now() - NONCE_MEMORY_MS;
  return [...store.messages.values()].find((m) => m.authorId === authorId && m.nonce === nonce && Date.parse(m.timestamp) >= since);
}

/** PATCH semantics: only fields present in the body change; a content edit re-parses mentions. */
export function editMessage(store: Store, message: StoredMessage, body: Json, files: UploadedFile[]): void {
  validate(body);
  const next = { ...message };
  if ('content' in body) {
    next.content = typeof body['content'] === 'string' ? body['content'] : '';
    // Discord re-parses with this request's allowed_mentions, or the defaults, never the original's.
    const mentions = computeMentions(next.content, body['allowed_mentions']);
    next.allowedMentions = body['allowed_mentions'];
    next.mentionedUserIds = mentions.userIds;
    next.mentionedRoleIds = mentions.roleIds;
    next.mentionEveryone = mentions.everyone;
  }
  if ('embeds' in body) next.embeds = list<APIEmbed>(body['embeds']);
  if ('components' in body) next.components = list<APIMessageTopLevelComponent>(body['components']);
  if ('attachments' in body) {
    const kept = new Set(list<Json>(body['attachments']).map((a) => String(a['id'])));
    next.attachments = next.attachments.filter((a) => kept.has(a.id));
  }
  next.attachments = [...next.attachments, ...attachmentsFor(store, message.channelId, files)];
  if ('flags' in body) next.flags = (next.flags & ~SENDABLE_FLAGS) | (Number(body['flags'] ?? 0) & SENDABLE_FLAGS);
  next.flags &= ~MessageFlags.Loading;
  if (isEmpty(next)) throw emptyMessage();
  Object.assign(message, next, {
    edits: message.edits + 1,
    editedTimestamp: store.isoNow(),
    bodies: [...message.bodies, body],
  });
}

export function messagePayload(store: Store, message: StoredMessage): APIMessage {
  const interaction = message.interactionId ? store.interactions.get(message.interactionId) : undefined;
  const payload: APIMessage = {
    id: message.id,
    channel_id: message.channelId,
    author: message.authorId === store.botUserId ? botUserPayload(store) : userPayload(userOf(store, message.authorId)),
    content: message.content,
    timestamp: message.timestamp,
    edited_timestamp: message.editedTimestamp,
    tts: message.tts,
    mention_everyone: message.mentionEveryone,
    mentions: message.mentionedUserIds.map((id) => userPayload(userOf(store, id))),
    mention_roles: message.mentionedRoleIds,
    attachments: message.attachments,
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    type: message.type,
    flags: message.flags,
  };
  if (interaction) {
    payload.webhook_id = store.applicationId;
    payload.application_id = store.applicationId;
    payload.interaction_metadata = interactionMetadata(store, interaction);
  }
  return payload;
}

function interactionMetadata(store: Store, interaction: StoredInteraction): APIMessageInteractionMetadata {
  const base = {
    id: interaction.id,
    user: userPayload(userOf(store, interaction.user.id)),
    authorizing_integration_owners: { 0: interaction.guildId ?? '0' },
  };
  if (interaction.type === InteractionType.ApplicationCommand) return { ...base, type: InteractionType.ApplicationCommand };
  if (interaction.type === InteractionType.MessageComponent) {
    return { ...base, type: InteractionType.MessageComponent, interacted_message_id: interaction.sourceMessageId ?? '' };
  }
  const trigger = store.interactions.get(interaction.triggeringId ?? '');
  if (!trigger || trigger.type === InteractionType.ModalSubmit) throw new Error('fake Discord: a modal submission without the interaction that opened it');
  const triggering = interactionMetadata(store, trigger) as APIApplicationCommandInteractionMetadata | APIMessageComponentInteractionMetadata;
  return { ...base, type: InteractionType.ModalSubmit, triggering_interaction_metadata: triggering };
}

export function fakeMessageView(message: StoredMessage): FakeMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    authorId: message.authorId,
    content: message.content,
    embeds: structuredClone(message.embeds),
    components: structuredClone(message.components),
    attachments: message.attachments.map(({ id, filename, size }) => ({ id, filename, size })),
    flags: message.flags,
    allowedMentions: structuredClone(message.allowedMentions),
    mentionedUserIds: [...message.mentionedUserIds],
    mentionedRoleIds: [...message.mentionedRoleIds],
    mentionEveryone: message.mentionEveryone,
    edits: message.edits,
    deleted: message.deleted,
    ephemeral: message.ephemeral,
    bodies: structuredClone(message.bodies),
  };
}
