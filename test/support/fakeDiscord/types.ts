export interface FakeDiscordOptions {
  botToken: string;
  /** default a fixed snowflake */
  applicationId?: string;
  /** default = applicationId, as for every bot created since 2020 */
  botUserId?: string;
  /** default: one guild "Test Server" with one text channel */
  guilds?: FakeGuildSeed[];
  /** default 15 minutes, Discord's lifetime for an interaction token */
  interactionTokenTtlMs?: number;
  /** clock for token lifetimes, the 3 s acknowledgement window and timestamps; default Date.now */
  now?: () => number;
  /** default 41250, what Discord sends */
  heartbeatIntervalMs?: number;
  /** base of attachment urls in interactions; default this server's own `/cdn`, which serves them */
  cdnBase?: string;
  /** Discord's upload limit per file, sent on interactions as `attachment_size_limit` and enforced (413 / 40005); default 10 MiB. */
  attachmentSizeLimit?: number;
  /** What Discord really takes per file, when it is less than it says (reported in 2026); default attachmentSizeLimit. */
  enforcedUploadLimit?: number;
  /** who owns the application, as `GET /applications/@me` tells; default a user `100000000000000000` */
  owner?: FakeApplicationOwner;
}

/** A user, or a team (its owner, and members with their role and whether they accepted the invitation). */
export type FakeApplicationOwner =
  | { user: FakeUser }
  | { team: { id: string; name?: string; ownerId: string; members: { user: FakeUser; role: 'admin' | 'developer' | 'read_only'; accepted?: boolean }[] } };

export interface FakeGuildSeed {
  id: string;
  name?: string;
  ownerId?: string;
  channels?: { id: string; name?: string }[];
  roles?: { id: string; name?: string; permissions?: string }[];
  /** the server's language, a Discord locale code; default en-US */
  locale?: string;
}

export interface FakeUser {
  id: string;
  username?: string;
  roleIds?: string[];
  /** bitfield string; default the union of @everyone and the member's roles */
  permissions?: string;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: CommandOption[];
  /** in an autocomplete interaction, the option being typed */
  focused?: boolean;
}

export interface FakeAttachment {
  id?: string;
  filename: string;
  contentType?: string;
  size?: number;
  width?: number;
  height?: number;
}

/** `no-attach`: the bot may post but not attach files (50013), as in servers that invited it without Attach Files. */
export type ChannelAccess = 'ok' | 'no-access' | 'no-send' | 'no-attach';

export interface RecordedRequest {
  method: string;
  /** without the `/api/v10` prefix and without the query string */
  path: string;
  query: Record<string, string>;
  /** the JSON body exactly as received (for multipart, the parsed `payload_json`) */
  body: unknown;
  files: { name: string; contentType: string; size: number }[];
  status: number;
  /** response body, for reading failures in test output */
  response: unknown;
  /** time on the fake's clock */
  at: number;
  /** true when no route matched: a route the fake does not implement */
  unmatched: boolean;
}

export interface FakeMessage {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: { id: string; filename: string; size: number }[];
  flags: number;
  /** `allowed_mentions` of the last request that set this message's content (undefined when absent) */
  allowedMentions: unknown;
  mentionedUserIds: string[];
  mentionedRoleIds: string[];
  mentionEveryone: boolean;
  edits: number;
  deleted: boolean;
  ephemeral: boolean;
  /** every create/edit body for this message, in order, exactly as received */
  bodies: unknown[];
}

/** A modal the bot opened (interaction callback 9), as Discord accepted it: every component numbered. */
export interface FakeModal {
  customId: string;
  title: string;
  components: Record<string, unknown>[];
}

/** One Label of a modal and the component it holds. */
export interface FakeModalField {
  label: string;
  type: number;
  customId: string;
  component: Record<string, unknown>;
}

export interface SubmitModalInput {
  /** the interaction the modal answered; the member who opened it submits it */
  interactionId: string;
  /** by custom id: a text input's string, a select's chosen values (default its default options) */
  values?: Record<string, string | string[]>;
  /** by custom id: the files the member uploads into a file upload */
  files?: Record<string, FakeAttachment[]>;
  /** the member's Discord locale (default en-US) and the server's (default its own) */
  locale?: string;
  guildLocale?: string;
}

export interface FakeInteraction {
  id: string;
  token: string;
  callbacks: { type: number; data?: unknown }[];
  /** the modal this interaction answered with, if any */
  modal(): FakeModal | undefined;
  original(): FakeMessage | undefined;
  followups(): FakeMessage[];
  /** the original reply (if ephemeral) and ephemeral follow-ups */
  ephemeralReplies(): FakeMessage[];
  /**
   * the messages everyone sees that this interaction made: its original reply and its public
   * follow-ups (after a deferred update, `original()` is the message the component is on, not one it made)
   */
  publicReplies(): FakeMessage[];
}

export interface DispatchCommandInput {
  name: string;
  options?: CommandOption[];
  user: FakeUser;
  /** default the first guild; null for a DM with the bot */
  guildId?: string | null;
  /** default the guild's first channel, or the DM channel */
  channelId?: string;
  attachments?: FakeAttachment[];
  /** the member's Discord language; default en-US */
  locale?: string;
  /** the server's language for this interaction; default the guild's */
  guildLocale?: string;
}

/** An autocomplete request: the options typed so far, `focused` on the one being typed. */
export interface DispatchAutocompleteInput {
  name: string;
  options: CommandOption[];
  user: FakeUser;
  guildId?: string;
  channelId?: string;
  /** the member's Discord locale (default en-US) and the server's (default its own) */
  locale?: string;
  guildLocale?: string;
}

export interface DispatchButtonInput {
  customId: string;
  messageId: string;
  /** default the message's channel */
  channelId?: string;
  guildId?: string;
  user: FakeUser;
  /** the member's Discord language; default en-US */
  locale?: string;
  /** the server's language for this interaction; default the guild's */
  guildLocale?: string;
}

export interface FakeDiscord {
  /** e.g. http://127.0.0.1:1234/api; discord.js appends /v10 */
  restUrl: string;
  gatewayUrl: string;
  cdnBase: string;
  applicationId: string;
  botUserId: string;
  defaultGuildId: string;
  defaultChannelId: string;
  /** resolves once a connected client has IDENTIFYed and its GUILD_CREATEs were sent */
  waitForReady(timeoutMs?: number): Promise<void>;
  dispatchCommand(input: DispatchCommandInput): FakeInteraction;
  dispatchButton(input: DispatchButtonInput): FakeInteraction;
  /** the choices the bot answered with are in the interaction's `callbacks` (type 8) */
  dispatchAutocomplete(input: DispatchAutocompleteInput): FakeInteraction;
  /** the member submits the modal an interaction opened, once, as Discord sends it (MODAL_SUBMIT) */
  submitModal(input: SubmitModalInput): FakeInteraction;
  interaction(id: string): FakeInteraction | undefined;
  /** a message by a member (mentions parsed with Discord's defaults); the bot may not edit it */
  postUserMessage(input: { channelId: string; user: FakeUser; content: string }): FakeMessage;
  expireInteractionToken(interactionId: string): void;
  /** from now on every edit of the message is refused with 30046, as Discord does once a message older than an hour used its edits */
  exhaustOldMessageEdits(messageId: string): void;
  /** every attachment link stops answering (404), as Discord's do after about a day */
  expireAttachments(): void;
  /** every message ever posted in the channel, in order; deleted ones stay, marked `deleted` */
  channelMessages(channelId: string): FakeMessage[];
  dmMessages(userId: string): FakeMessage[];
  deleteMessage(channelId: string, messageId: string): void;
  deleteChannel(channelId: string): void;
  setChannelAccess(channelId: string, access: ChannelAccess): void;
  /**
   * While on, a request carrying files that succeeds is applied but never answered: Discord took the upload and
   * the answer was lost. Turning it off drops the held connections.
   */
  holdUploads(hold: boolean): void;
  /** a user who closed their DMs: posting to the DM channel fails with 50007 */
  setDmsClosed(userId: string, closed: boolean): void;
  /** live list, oldest first */
  requests: RecordedRequest[];
  /** PUTs of application commands; with a scope, only those for that guild ('global' for global) */
  commandPuts(scope?: string): number;
  registeredCommands(guildId?: string): unknown[];
  identifies(): { intents: number; token: string }[];
  /** drops every gateway socket without a close frame; discord.js then resumes */
  disconnectGateway(): void;
  /** resolves with the first truthy result, re-checked on every state change; rejects after timeoutMs listing recent requests */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}
