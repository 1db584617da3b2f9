import { PermissionFlagsBits, type Attachment, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import { refuse, UserFacingError } from '../domain/errors.js';
import type { Origin } from '../domain/generation.js';
import type { ImageInput, VideoRequestInput } from '../domain/videoRequest.js';

export type GuildCommand = ChatInputCommandInteraction<'cached' | 'raw'>;
export type GuildModalSubmit = ModalSubmitInteraction<'cached' | 'raw'>;
export type GuildButton = ButtonInteraction<'cached' | 'raw'>;
/** Any interaction from a server member that may start a generation. */
export type GuildAsking = GuildCommand | GuildModalSubmit | GuildButton;

/** Slash commands are registered for servers only, but a stale client may still send one from a DM. */
export function requireGuild(interaction: ChatInputCommandInteraction): GuildCommand;
export function requireGuild(interaction: ModalSubmitInteraction): GuildModalSubmit;
export function requireGuild(interaction: ButtonInteraction): GuildButton;
export function requireGuild(interaction: ButtonInteraction | ModalSubmitInteraction): GuildButton | GuildModalSubmit;
export function requireGuild(
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction,
): GuildCommand | GuildModalSubmit | GuildButton {
  if (!interaction.inGuild()) {
    throw new UserFacingError('not_in_server');
  }
  return interaction;
}

export function originOf(interaction: GuildAsking): Origin {
  return {
    guildId: interaction.guildId,
    // A modal answers an interaction in a channel, so its submission names that channel too.
    channelId: interaction.channelId ?? refuse('not_in_server'),
    userId: interaction.user.id,
    interactionId: interaction.id,
    locale: interaction.locale,
    guildLocale: interaction.guildLocale,
    attachmentSizeLimit: interaction.attachmentSizeLimit ?? null,
  };
}

/** The member's role ids, whether discord.js has the member cached or only the raw payload. */
export function roleIdsOf(interaction: GuildAsking): string[] {
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

/** Manage Messages or Manage Server where the member acts now: what makes them a moderator, besides the approval role. */
export function managesMessages(interaction: GuildAsking): boolean {
  return interaction.memberPermissions.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild]);
}

export function readVideoRequest(interaction: GuildCommand): VideoRequestInput {
  const options = interaction.options;
  const [first, second, third] = ['image', 'image2', 'image3'].map((name) => options.getAttachment(name));
  const mode = options.getString('mode');
  // In frames mode the option says which frame an image is, so it must not slide into another slot.
  if (mode === 'frames' && (third || (second && !first))) {
    throw new UserFacingError('frames_slots');
  }
  const images = [first, second, third].filter((attachment): attachment is Attachment => attachment !== null && attachment !== undefined).map(toImageInput);
  return {
    text: options.getString('text', true),
    images,
    mode,
    aspect: options.getString('aspect'),
    resolution: options.getString('resolution'),
  };
}

export function toImageInput(attachment: Attachment): ImageInput {
  return { name: attachment.name, url: attachment.url, contentType: attachment.contentType, size: attachment.size };
}

/** An `amount` option with an `unlimited` one beside it: never both, never neither; null is unlimited. */
export function readAmountOrUnlimited(interaction: ChatInputCommandInteraction): number | null {
  const amount = interaction.options.getInteger('amount');
  const unlimited = interaction.options.getBoolean('unlimited') ?? false;
  if (unlimited && amount !== null) throw new UserFacingError('budget_amount_and_unlimited');
  if (!unlimited && amount === null) throw new UserFacingError('budget_amount_missing');
  return unlimited ? null : amount;
}
