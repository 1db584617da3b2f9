import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Clock } from '../clock.js';
import type { ReplyPort } from '../domain/generationStarter.js';
import type { DiscordNotifier } from './notifier.js';
import type { AskingCommand, PendingConfirmations, PendingPrompt } from './pendingConfirmations.js';
import { renderConfirmation, reservedNote } from './render/credits.js';
import { renderGeneration } from './render/generationMessage.js';
import { memberSpeaker, noPings } from './replies.js';

/**
 * The reply port of an interaction; `command` is what a question it asks points back to. With
 * `reply`, a follow-up already posted (Extend's frame) becomes the generation's reply.
 */
export type ReplyPortFor = (interaction: RepliableInteraction, command: AskingCommand, reply?: { messageId: string }) => ReplyPort;

export interface ReplyPortDeps {
  notifier: Pick<DiscordNotifier, 'rememberInteraction'>;
  confirmations: Pick<PendingConfirmations, 'add' | 'ttlMs'>;
  clock: Clock;
}

const privately = { flags: MessageFlags.Ephemeral, allowedMentions: noPings } as const;

/**
 * A generation's reply answers the interaction that asked for it: a public reply, deferred first.
 * A question to confirm is the interaction's private answer instead.
 *
 * A button (or a form opened from one) may be acknowledged before anything is decided: it then
 * defers as an update of the message it is on, which shows nothing, and every answer after it is
 * a follow-up. (A private deferred reply would not do: Discord turns the first follow-up after it
 * into that reply, so the public reply would come out private.)
 */
export function createReplyPorts({ notifier, confirmations, clock }: ReplyPortDeps): ReplyPortFor {
  return (interaction, command, reply) => {
    let acknowledged = false;
    return {
      async acknowledge() {
        // A caller that did slow work first (Extend's frame) acknowledged already.
        if (acknowledged) return;
        if (!(interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage()))) {
          throw new Error('only a button, or a form opened from one, is acknowledged before its reply');
        }
        await interaction.deferUpdate();
        acknowledged = true;
      },
      async open(generation) {
        if (acknowledged && reply?.messageId) {
          // Edited without files: the frame stays attached while the video is made.
          const { content, embeds, components } = renderGeneration(generation);
          await interaction.webhook.editMessage(reply.messageId, { content, embeds, components, allowedMentions: noPings });
          notifier.rememberInteraction(generation.id, interaction.token, reply.messageId);
          return { messageId: reply.messageId };
        }
        if (acknowledged) {
          // `@original` is now the message the button is on: the reply is this follow-up, by its id.
          // No Cancel yet: the request may go out the next moment; once it waits, its first edit brings the button.
          const { content, embeds } = renderGeneration(generation);
          const posted = await interaction.followUp({ content, embeds, components: [], allowedMentions: noPings });
          notifier.rememberInteraction(generation.id, interaction.token, posted.id);
          return { messageId: posted.id };
        }
        const deferred = await interaction.deferReply({ withResponse: true });
        // The token lives in memory only; the message id is what survives a restart.
        notifier.rememberInteraction(generation.id, interaction.token);
        return { messageId: deferred.interaction.responseMessageId ?? null };
      },
      async noteCredits(cost, summary) {
        const content = reservedNote(cost, summary, memberSpeaker(interaction));
        await interaction.followUp({ content, ...privately });
      },
      async askToConfirm({ origin, roleIds, request }, remainingAfter) {
        // After an acknowledgement the question is a follow-up, and is closed by its own id.
        let askedId: string | undefined;
        const question: PendingPrompt['question'] = acknowledged
          ? {
              editReply: async (options) => {
                if (!askedId) throw new Error('the question was never shown');
                return interaction.webhook.editMessage(askedId, options);
              },
            }
          : interaction;
        const id = confirmations.add({ origin, roleIds, request, command, question });
        const expiresAt = new Date(clock.now().getTime() + confirmations.ttlMs);
        const body = { ...renderConfirmation(request, remainingAfter, id, expiresAt, memberSpeaker(interaction)), ...privately };
        if (acknowledged) askedId = (await interaction.followUp(body)).id;
        else await interaction.reply(body);
      },
    };
  };
}
