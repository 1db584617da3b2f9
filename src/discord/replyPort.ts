import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { ReplyPort } from '../domain/generationStarter.js';
import type { DiscordNotifier } from './notifier.js';
import { reservedNote } from './render/credits.js';
import { memberSpeaker, noPings } from './replies.js';

export type ReplyPortFor = (interaction: RepliableInteraction) => ReplyPort;

/** A generation's reply answers the interaction that asked for it: a public reply, deferred first. */
export function createReplyPorts(notifier: Pick<DiscordNotifier, 'rememberInteraction'>): ReplyPortFor {
  return (interaction) => ({
    async open(generationId) {
      const deferred = await interaction.deferReply({ withResponse: true });
      // The token lives in memory only; the message id is what survives a restart.
      notifier.rememberInteraction(generationId, interaction.token);
      return { messageId: deferred.interaction.responseMessageId ?? null };
    },
    async noteCredits(cost, summary) {
      const content = reservedNote(cost, summary, memberSpeaker(interaction));
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
    },
  });
}
