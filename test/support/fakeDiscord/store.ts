import type { APIApplicationCommand, APIAttachment, APIEmbed, APIMessageTopLevelComponent, APIRole } from 'discord-api-types/v10';
import { createSnowflakes } from './snowflake.js';
import type { ChannelAccess, FakeApplicationOwner, FakeModal, FakeUser, RecordedRequest } from './types.js';

export interface StoredGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: APIRole[];
  channelIds: string[];
  joinedAt: string;
  /** the server's language (`preferred_locale`), sent as `guild_locale` */
  locale: string;
}

export interface StoredChannel {
  id: string;
  /** 0 guild text, 1 DM */
  type: 0 | 1;
  guildId: string | null;
  name: string;
  position: number;
  recipientId: string | null;
  access: ChannelAccess;
  deleted: boolean;
  messageIds: string[];
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: APIAttachment[];
  flags: number;
  /** 0 default, 20 chat-input command reply */
  type: 0 | 20;
  tts: boolean;
  allowedMentions: unknown;
  mentionedUserIds: string[];
  mentionedRoleIds: string[];
  mentionEveryone: boolean;
  timestamp: string;
  editedTimestamp: string | null;
  edits: number;
  deleted: boolean;
  ephemeral: boolean;
  /** set for messages made through an interaction: their webhook is the application */
  interactionId: string | null;
  /** what the sender passed as `nonce`, kept for `enforce_nonce` */
  nonce: string | null;
  bodies: unknown[];
}

export interface StoredInteraction {
  id: string;
  token: string;
  /** 2 application command, 3 message component, 4 autocomplete, 5 modal submit */
  type: 2 | 3 | 4 | 5;
  user: FakeUser;
  guildId: string | null;
  channelId: string;
  dispatchedAt: number;
  tokenExpired: boolean;
  callbacks: { type: number; data?: unknown }[];
  /** the message `@original` refers to: the reply, or for components the clicked message */
  originalId: string | null;
  sourceMessageId: string | null;
  followupIds: string[];
  /** the modal this interaction answered with, and whether the member submitted it */
  modal: FakeModal | null;
  modalSubmitted: boolean;
  /** for a modal submission, the interaction whose modal it submits */
  triggeringId: string | null;
}

export interface StoreConfig {
  botToken: string;
  applicationId: string;
  botUserId: string;
  interactionTokenTtlMs: number;
  now: () => number;
  cdnBase: string;
  gatewayUrl: string;
  attachmentSizeLimit: number;
  enforcedUploadLimit: number;
  owner: FakeApplicationOwner;
}

export type Store = ReturnType<typeof createStore>;

/** All of the fake's state. Every mutation goes through `changed()` so `waitFor` re-checks. */
export function createStore(config: StoreConfig) {
  const listeners = new Set<() => void>();
  return {
    ...config,
    nextId: createSnowflakes(),
    isoNow: () => new Date(config.now()).toISOString(),
    users: new Map<string, FakeUser>(),
    guilds: new Map<string, StoredGuild>(),
    channels: new Map<string, StoredChannel>(),
    messages: new Map<string, StoredMessage>(),
    interactions: new Map<string, StoredInteraction>(),
    /** keyed by scope: 'global' or a guild id */
    commands: new Map<string, APIApplicationCommand[]>(),
    commandPuts: [] as string[],
    requests: [] as RecordedRequest[],
    identifies: [] as { intents: number; token: string }[],
    closedDms: new Set<string>(),
    holdUploads: false,
    /** messages older than an hour whose edits Discord no longer takes (30046) */
    oldEditsExhausted: new Set<string>(),
    /** bytes served under cdnBase, keyed by the path after it */
    cdnFiles: new Map<string, { contentType: string; data: Uint8Array }>(),
    changed(): void {
      for (const listener of [...listeners]) listener();
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function interactionByToken(store: Store, token: string): StoredInteraction | undefined {
  for (const interaction of store.interactions.values()) if (interaction.token === token) return interaction;
  return undefined;
}

export function dmChannelOf(store: Store, userId: string): StoredChannel | undefined {
  for (const channel of store.channels.values()) if (channel.type === 1 && channel.recipientId === userId) return channel;
  return undefined;
}

export function openDmChannel(store: Store, userId: string): StoredChannel {
  const existing = dmChannelOf(store, userId);
  if (existing) return existing;
  const channel: StoredChannel = {
    id: store.nextId(),
    type: 1,
    guildId: null,
    name: '',
    position: 0,
    recipientId: userId,
    access: 'ok',
    deleted: false,
    messageIds: [],
  };
  store.channels.set(channel.id, channel);
  return channel;
}

export function rememberUser(store: Store, user: FakeUser): void {
  store.users.set(user.id, { ...store.users.get(user.id), ...user });
}

export function userOf(store: Store, id: string): FakeUser {
  return store.users.get(id) ?? { id, username: `user${id.slice(-4)}` };
}
