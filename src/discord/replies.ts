import { MessageFlags, type APIEmbed, type RepliableInteraction } from 'discord.js';

/** Mentions in a reply are shown but never ping. */
export const noPings = { parse: [] } as const;

/** A reply only the member sees; a follow-up if the interaction was already answered. */
export async function replyPrivately(
  interaction: RepliableInteraction,
  message: { content?: string; embeds?: APIEmbed[] },
): Promise<void> {
  const options = { ...message, flags: MessageFlags.Ephemeral as const, allowedMentions: noPings };
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}
