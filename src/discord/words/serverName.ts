import { escapeMarkdown } from 'discord.js';

/**
 * A server's name as its admins typed it: short, its markdown and mentions inert. A server the bot
 * cannot name is shown as `unnamed` and its id.
 */
export const serverNames =
  (unnamed: string) =>
  (name: string | null, guildId: string): string =>
    name === null ? `${unnamed} ${guildId}` : escapeMarkdown(name.length > 60 ? `${name.slice(0, 57)}...` : name).replace(/</g, '\\<').replace(/@/g, '@\u200b');
