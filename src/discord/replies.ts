import { MessageFlags, type APIEmbed, type BaseInteraction, type RepliableInteraction } from 'discord.js';
import { translator, type Translate } from './words/catalogue.js';
import { localeOf } from './words/locale.js';

/** Mentions in a reply are shown but never ping. */
export const noPings = { parse: [] } as const;

/** Words for what only the member reads: in their own Discord language. */
export const memberSpeaker = (interaction: Pick<BaseInteraction, 'locale'>): Translate => translator(localeOf(interaction.locale));

/** A reply only the member sees; a follow-up if the interaction was already answered. */
export async function replyPrivately(
  interaction: RepliableInteraction,
  message: { content?: string; embeds?: APIEmbed[] },
): Promise<void> {
  const options = { ...message, flags: MessageFlags.Ephemeral as const, allowedMentions: noPings };
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

/** Private embeds over as many messages as they take: the reply, then follow-ups. */
export async function replyPrivatelyInPages(interaction: RepliableInteraction, pages: readonly APIEmbed[]): Promise<void> {
  const privately = { flags: MessageFlags.Ephemeral, allowedMentions: noPings } as const;
  const [first, ...more] = pages;
  await interaction.reply({ ...privately, embeds: first ? [first] : [] });
  for (const page of more) await interaction.followUp({ ...privately, embeds: [page] });
}
