import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
  type APIAttachment,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
} from 'discord-api-types/v10';
import { fakeMessageView, messagePayload } from './messages.js';
import { botChannelPermissions, channelPayload, memberPayload, userPayload } from './payloads.js';
import { openDmChannel, rememberUser, userOf, type Store, type StoredChannel, type StoredInteraction, type StoredMessage } from './store.js';
import { modalSubmission } from './modals.js';
import type {
  CommandOption,
  DispatchAutocompleteInput,
  DispatchButtonInput,
  DispatchCommandInput,
  FakeAttachment,
  FakeInteraction,
  FakeMessage,
  FakeUser,
  SubmitModalInput,
} from './types.js';

const P = PermissionFlagsBits;
const DM_APP_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles | P.ReadMessageHistory | P.AddReactions | P.UseExternalEmojis;
/** A 1x1 transparent PNG, served for image attachments. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function where(store: Store, user: FakeUser, guildId: string | null | undefined, channelId: string | undefined): StoredChannel {
  if (guildId === null) return channelId ? requireChannel(store, channelId) : openDmChannel(store, user.id);
  const guild = store.guilds.get(guildId ?? [...store.guilds.keys()][0] ?? '');
  if (!guild) throw new Error(`fake Discord: no guild ${String(guildId)}`);
  const channel = requireChannel(store, channelId ?? guild.channelIds[0] ?? '');
  if (channel.guildId !== guild.id) throw new Error(`fake Discord: channel ${channel.id} is not in guild ${guild.id}`);
  return channel;
}

function requireChannel(store: Store, channelId: string): StoredChannel {
  const channel = store.channels.get(channelId);
  if (!channel || channel.deleted) throw new Error(`fake Discord: no channel ${channelId}`);
  return channel;
}

/** The languages an interaction carries: the member's, and the server's unless the test says otherwise. */
interface Locales {
  locale?: string | undefined;
  guildLocale?: string | undefined;
}

/** Fields every interaction carries, shaped as Discord sends them for a guild channel or a DM. */
function common(store: Store, stored: StoredInteraction, channel: StoredChannel, locales: Locales) {
  const guild = channel.guildId ? store.guilds.get(channel.guildId) : undefined;
  const shared = {
    id: stored.id,
    application_id: store.applicationId,
    token: stored.token,
    version: 1 as const,
    channel_id: channel.id,
    locale: locales.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: store.attachmentSizeLimit,
  };
  if (!guild) {
    return {
      ...shared,
      channel: channelPayload(store, channel),
      user: userPayload(userOf(store, stored.user.id)),
      app_permissions: DM_APP_PERMISSIONS.toString(),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
      context: InteractionContextType.BotDM,
    };
  }
  return {
    ...shared,
    channel: channelPayload(store, channel),
    guild_id: guild.id,
    guild: { id: guild.id, locale: locales.guildLocale ?? guild.locale, features: [] },
    guild_locale: locales.guildLocale ?? guild.locale,
    member: memberPayload(store, guild, stored.user),
    app_permissions: botChannelPermissions(guild, channel).toString(),
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
    context: InteractionContextType.Guild,
  };
}

function newInteraction(store: Store, type: 2 | 3 | 4 | 5, user: FakeUser, channel: StoredChannel, sourceMessageId: string | null): StoredInteraction {
  const stored: StoredInteraction = {
    id: store.nextId(),
    token: `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`,
    type,
    user,
    guildId: channel.guildId,
    channelId: channel.id,
    dispatchedAt: store.now(),
    tokenExpired: false,
    callbacks: [],
    originalId: null,
    sourceMessageId,
    followupIds: [],
    modal: null,
    modalSubmitted: false,
    triggeringId: null,
  };
  store.interactions.set(stored.id, stored);
  return stored;
}

export function resolveAttachments(store: Store, channelId: string, attachments: FakeAttachment[]): Record<string, APIAttachment> {
  const resolved: Record<string, APIAttachment> = {};
  for (const attachment of attachments) {
    const id = attachment.id ?? store.nextId();
    const contentType = attachment.contentType ?? 'image/png';
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(attachment.filename)}`;
    store.cdnFiles.set(path, { contentType, data: contentType.startsWith('image/') ? PNG : new Uint8Array() });
    const url = `${store.cdnBase}${path}`;
    resolved[id] = {
      id,
      filename: attachment.filename,
      size: attachment.size ?? PNG.length,
      url,
      proxy_url: url,
      content_type: contentType,
      ...(attachment.width === undefined ? {} : { width: attachment.width }),
      ...(attachment.height === undefined ? {} : { height: attachment.height }),
      ephemeral: true,
    };
  }
  return resolved;
}

/** Option values that name an entity go into `data.resolved`, as Discord does; attachments may be named by filename. */
function resolveOptions(store: Store, channel: StoredChannel, options: CommandOption[], attachments: Record<string, APIAttachment>) {
  const resolved: APIInteractionDataResolved = {};
  const guild = channel.guildId ? store.guilds.get(channel.guildId) : undefined;
  const walk = (list: CommandOption[]): CommandOption[] =>
    list.map((option) => {
      if (option.options) return { ...option, options: walk(option.options) };
      const value = String(option.value ?? '');
      switch (option.type) {
        case ApplicationCommandOptionType.Attachment: {
          const found = attachments[value] ?? Object.values(attachments).find((a) => a.filename === value);
          if (found) (resolved.attachments ??= {})[found.id] = found;
          return found ? { ...option, value: found.id } : option;
        }
        case ApplicationCommandOptionType.User:
        case ApplicationCommandOptionType.Mentionable: {
          const role = guild?.roles.find((r) => r.id === value);
          if (role) (resolved.roles ??= {})[value] = role;
          else {
            (resolved.users ??= {})[value] = userPayload(userOf(store, value));
            if (guild) {
              const { user: _user, ...member } = memberPayload(store, guild, userOf(store, value));
              (resolved.members ??= {})[value] = member;
            }
          }
          return option;
        }
        case ApplicationCommandOptionType.Role: {
          const role = guild?.roles.find((r) => r.id === value);
          if (role) (resolved.roles ??= {})[value] = role;
          return option;
        }
        case ApplicationCommandOptionType.Channel: {
          const target = store.channels.get(value);
          if (target) (resolved.channels ??= {})[value] = { id: target.id, type: target.type, name: target.name, permissions: '0' };
          return option;
        }
        default:
          return option;
      }
    });
  return { options: walk(options), resolved };
}

/** The slash command of that name a member in the channel can see: the server's own, else the global one. */
function registeredCommand(store: Store, channel: StoredChannel, name: string) {
  return [...(channel.guildId ? store.commands.get(channel.guildId) ?? [] : []), ...(store.commands.get('global') ?? [])].find(
    (command) => command.name === name && command.type === ApplicationCommandType.ChatInput,
  );
}

export function buildCommandInteraction(store: Store, input: DispatchCommandInput): { stored: StoredInteraction; payload: APIInteraction } {
  rememberUser(store, input.user);
  const channel = where(store, input.user, input.guildId, input.channelId);
  const stored = newInteraction(store, InteractionType.ApplicationCommand, input.user, channel, null);
  const registered = registeredCommand(store, channel, input.name);
  const attachments = resolveAttachments(store, channel.id, input.attachments ?? []);
  const { options, resolved } = resolveOptions(store, channel, input.options ?? [], attachments);
  const data = {
    id: registered?.id ?? store.nextId(),
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    ...(options.length > 0 ? { options } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
  } as APIChatInputApplicationCommandInteraction['data'];
  const payload = { ...common(store, stored, channel, input), type: InteractionType.ApplicationCommand, data } as APIChatInputApplicationCommandInteraction;
  return { stored, payload };
}

/** What Discord sends while a member types an option with autocomplete: no resolved data, no token use but the callback. */
export function buildAutocompleteInteraction(store: Store, input: DispatchAutocompleteInput): { stored: StoredInteraction; payload: APIInteraction } {
  rememberUser(store, input.user);
  const channel = where(store, input.user, input.guildId, input.channelId);
  const stored = newInteraction(store, InteractionType.ApplicationCommandAutocomplete, input.user, channel, null);
  const registered = registeredCommand(store, channel, input.name);
  if (!registered) throw new Error(`fake Discord: /${input.name} is not registered where the member types it`);
  const data = {
    id: registered.id,
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    options: input.options,
    ...(registered.guild_id ? { guild_id: registered.guild_id } : {}),
  } as APIApplicationCommandAutocompleteInteraction['data'];
  const payload = { ...common(store, stored, channel, input), type: InteractionType.ApplicationCommandAutocomplete, data } as APIApplicationCommandAutocompleteInteraction;
  return { stored, payload };
}

export function buildButtonInteraction(store: Store, input: DispatchButtonInput): { stored: StoredInteraction; payload: APIInteraction } {
  rememberUser(store, input.user);
  const message = store.messages.get(input.messageId);
  if (!message || message.deleted) throw new Error(`fake Discord: no message ${input.messageId} to click`);
  const channel = requireChannel(store, input.channelId ?? message.channelId);
  if (input.guildId !== undefined && channel.guildId !== input.guildId) {
    throw new Error(`fake Discord: channel ${channel.id} is not in guild ${input.guildId}`);
  }
  const stored = newInteraction(store, InteractionType.MessageComponent, input.user, channel, message.id);
  const payload = {
    ...common(store, stored, channel, input),
    type: InteractionType.MessageComponent,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
    message: messagePayload(store, message),
  } as APIMessageComponentButtonInteraction;
  return { stored, payload };
}

/** The member submits the modal another interaction opened: Discord sends it as a new interaction, with its files resolved. */
export function buildModalSubmitInteraction(store: Store, input: SubmitModalInput): { stored: StoredInteraction; payload: APIInteraction } {
  const opener = store.interactions.get(input.interactionId);
  if (!opener?.modal) throw new Error(`fake Discord: interaction ${input.interactionId} opened no modal`);
  if (opener.modalSubmitted) throw new Error('fake Discord: that modal was already submitted and closed');
  const channel = requireChannel(store, opener.channelId);
  const files = Object.entries(input.files ?? {}).map(([customId, list]) => [customId, resolveAttachments(store, channel.id, list)] as const);
  const components = modalSubmission(opener.modal, input, (customId) => Object.keys(files.find(([id]) => id === customId)?.[1] ?? {}));
  const attachments = Object.assign({}, ...files.map(([, resolved]) => resolved)) as Record<string, APIAttachment>;
  opener.modalSubmitted = true;
  const stored = newInteraction(store, InteractionType.ModalSubmit, opener.user, channel, opener.sourceMessageId);
  stored.triggeringId = opener.id;
  const source = opener.sourceMessageId ? store.messages.get(opener.sourceMessageId) : undefined;
  const payload = {
    ...common(store, stored, channel, input),
    type: InteractionType.ModalSubmit,
    data: { custom_id: opener.modal.customId, components, ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}) },
    ...(source ? { message: messagePayload(store, source) } : {}),
  } as APIModalSubmitInteraction;
  return { stored, payload };
}

function view(store: Store, id: string | null): FakeMessage | undefined {
  const message: StoredMessage | undefined = id === null ? undefined : store.messages.get(id);
  return message ? fakeMessageView(message) : undefined;
}

/** A test's handle on an interaction; it reads the store each time, so it is always current. */
export function interactionView(store: Store, stored: StoredInteraction): FakeInteraction {
  const followups = () => stored.followupIds.map((id) => view(store, id)).filter((m): m is FakeMessage => m !== undefined);
  const original = () => view(store, stored.originalId);
  return {
    id: stored.id,
    token: stored.token,
    callbacks: stored.callbacks,
    modal: () => (stored.modal ? structuredClone(stored.modal) : undefined),
    original,
    followups,
    ephemeralReplies: () => [original(), ...followups()].filter((m): m is FakeMessage => m?.ephemeral === true),
    publicReplies: () => {
      const made = stored.originalId !== null && store.messages.get(stored.originalId)?.interactionId === stored.id ? [original()] : [];
      return [...made, ...followups()].filter((m): m is FakeMessage => m !== undefined && !m.ephemeral);
    },
  };
}
