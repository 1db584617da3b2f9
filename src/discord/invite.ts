import { OAuth2Scopes, PermissionFlagsBits, type Client } from 'discord.js';

/** What the bot needs in a channel: see it, post a reply or a fallback message, embed links, attach the videos. */
export const requiredPermissions = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
];

export function inviteUrl(client: Client<true>): string {
  return client.generateInvite({
    scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands],
    permissions: requiredPermissions,
  });
}
