import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
  type APIDMChannel,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { userOf, type Store, type StoredChannel, type StoredGuild } from './store.js';
import type { FakeGuildSeed, FakeUser } from './types.js';

const P = PermissionFlagsBits;

/** Roughly what a new server grants @everyone. */
export const EVERYONE_PERMISSIONS =
  P.CreateInstantInvite | P.AddReactions | P.Stream | P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles |
  P.ReadMessageHistory | P.MentionEveryone | P.UseExternalEmojis | P.Connect | P.Speak | P.UseVAD | P.ChangeNickname |
  P.UseApplicationCommands | P.SendMessagesInThreads | P.CreatePublicThreads | P.UseExternalStickers;

const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);

export function userPayload(user: FakeUser, bot = false): APIUser {
  const username = user.username ?? `user${user.id.slice(-4)}`;
  return { id: user.id, username, discriminator: '0', global_name: bot ? null : username, avatar: null, bot };
}

export function botUserPayload(store: Store): APIUser {
  return { ...userPayload({ id: store.botUserId, username: 'Fake Bot' }, true), verified: true, mfa_enabled: false };
}

export function seedGuild(store: Store, seed: FakeGuildSeed): void {
  const everyone: APIRole = rolePayload({ id: seed.id, name: '@everyone', permissions: EVERYONE_PERMISSIONS.toString() }, 0);
  const roles = [everyone, ...(seed.roles ?? []).filter((role) => role.id !== seed.id).map((role, i) => rolePayload(role, i + 1))];
  const channels = seed.channels ?? [{ id: store.nextId(), name: 'general' }];
  store.guilds.set(seed.id, {
    id: seed.id,
    name: seed.name ?? 'Test Server',
    ownerId: seed.ownerId ?? store.nextId(),
    roles,
    channelIds: channels.map((channel) => channel.id),
    joinedAt: store.isoNow(),
    locale: seed.locale ?? Locale.EnglishUS,
  });
  channels.forEach((channel, position) =>
    store.channels.set(channel.id, {
      id: channel.id,
      type: 0,
      guildId: seed.id,
      name: channel.name ?? `channel-${position + 1}`,
      position,
      recipientId: null,
      access: 'ok',
      deleted: false,
      messageIds: [],
    }),
  );
}

function rolePayload(role: { id: string; name?: string; permissions?: string }, position: number): APIRole {
  return {
    id: role.id,
    name: role.name ?? `role-${position}`,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: role.permissions ?? '0',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** A member's guild-wide permissions: owner has all; else @everyone plus their roles. */
export function memberPermissions(guild: StoredGuild, user: FakeUser): bigint {
  if (user.permissions !== undefined) return BigInt(user.permissions);
  if (user.id === guild.ownerId) return ALL_PERMISSIONS;
  const roleIds = new Set([guild.id, ...(user.roleIds ?? [])]);
  const bits = guild.roles.filter((role) => roleIds.has(role.id)).reduce((all, role) => all | BigInt(role.permissions), 0n);
  return bits & P.Administrator ? ALL_PERMISSIONS : bits;
}

/** What the channel's overwrites leave the bot. */
export function botChannelPermissions(guild: StoredGuild, channel: StoredChannel): bigint {
  return memberPermissions(guild, { id: '' }) & ~deniedToBot(channel);
}

function deniedToBot(channel: StoredChannel): bigint {
  if (channel.access === 'no-access') return P.ViewChannel;
  if (channel.access === 'no-send') return P.SendMessages;
  if (channel.access === 'no-attach') return P.AttachFiles;
  return 0n;
}

export function memberPayload(store: Store, guild: StoredGuild, user: FakeUser): APIInteractionGuildMember {
  return {
    ...plainMember(guild, user, store.isoNow()),
    user: userPayload(userOf(store, user.id)),
    permissions: memberPermissions(guild, user).toString(),
  };
}

function plainMember(guild: StoredGuild, user: FakeUser, joinedAt: string): Omit<APIGuildMember, 'user'> {
  return {
    roles: (user.roleIds ?? []).filter((id) => id !== guild.id),
    joined_at: joinedAt,
    nick: null,
    avatar: null,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function guildChannelPayload(store: Store, channel: StoredChannel): APITextChannel {
  const denied = deniedToBot(channel);
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: channel.guildId ?? '',
    name: channel.name,
    position: channel.position,
    permission_overwrites: denied ? [{ id: store.botUserId, type: OverwriteType.Member, allow: '0', deny: denied.toString() }] : [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: channel.messageIds.at(-1) ?? null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export function dmChannelPayload(store: Store, channel: StoredChannel): APIDMChannel {
  return {
    id: channel.id,
    type: ChannelType.DM,
    name: null,
    last_message_id: channel.messageIds.at(-1) ?? null,
    recipients: [userPayload(userOf(store, channel.recipientId ?? ''))],
    flags: 0 as ChannelFlags,
  };
}

export function channelPayload(store: Store, channel: StoredChannel): APITextChannel | APIDMChannel {
  return channel.type === 1 ? dmChannelPayload(store, channel) : guildChannelPayload(store, channel);
}

export function guildCreatePayload(store: Store, guild: StoredGuild): GatewayGuildCreateDispatchData {
  const channels = guild.channelIds.map((id) => store.channels.get(id)).filter((c): c is StoredChannel => c !== undefined && !c.deleted);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.locale as Locale,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ ...plainMember(guild, { id: store.botUserId }, guild.joinedAt), user: botUserPayload(store) }],
    channels: channels.map((channel) => guildChannelPayload(store, channel)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
