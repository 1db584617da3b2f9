import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Clock } from '../clock.js';
import type { ReplyPort } from '../domain/generationStarter.js';
import type { DiscordNotifier } from './notifier.js';
import type { AskingCommand, PendingConfirmations } from './pendingConfirmations.js';
import { renderConfirmation, reservedNote } from './render/credits.js';
import { memberSpeaker, noPings } from './replies.js';

/** The reply port of an interaction; `command` is what a question it asks points back to. */
export type ReplyPortFor = (interaction: RepliableInteraction, command: AskingCommand) => ReplyPort;

export interface ReplyPortDeps {
  notifier: Pick<DiscordNotifier, 'rememberInteraction'>;
  confirmations: Pick<PendingConfirmations, 'add' | 'ttlMs'>;
  clock: Clock;
}

/**
 * A generation's reply answers the interaction that asked for it: a public reply, deferred first.
 * A question to confirm is the interaction's private answer instead.
 */
export function createReplyPorts({ notifier, confirmations, clock }: ReplyPortDeps): ReplyPortFor {
  return (interaction, command) => ({
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
    async askToConfirm({ origin, roleIds, request }, remainingAfter) {
      const id = confirmations.add({ origin, roleIds, request, command, question: interaction });
      const expiresAt = new Date(clock.now().getTime() + confirmations.ttlMs);
      await interaction.reply({
        ...renderConfirmation(request, remainingAfter, id, expiresAt, memberSpeaker(interaction)),
        flags: MessageFlags.Ephemeral,
        allowedMentions: noPings,
      });
    },
  });
}
