import { MessageFlags, type ButtonInteraction, type RepliableInteraction } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import type { PendingPrompt } from '../../src/discord/pendingConfirmations.js';
import { renderConfirmation } from '../../src/discord/render/credits.js';
import { memberSpeaker, noPings } from '../../src/discord/replies.js';
import type { ButtonHandler, CommandDeps } from '../command.js';

/** Holds the request and asks its member, privately, to confirm it; nothing is reserved yet. */
export async function askToConfirm(interaction: RepliableInteraction, prompt: PendingPrompt, remainingAfter: number | null, deps: CommandDeps): Promise<void> {
  const id = deps.confirmations.add(prompt);
  const expiresAt = new Date(deps.clock.now().getTime() + deps.confirmations.ttlMs);
  await interaction.reply({
    ...renderConfirmation(prompt.request, remainingAfter, id, expiresAt, memberSpeaker(interaction)),
    flags: MessageFlags.Ephemeral,
    allowedMentions: noPings,
  });
}

const closeQuestion = (interaction: ButtonInteraction, content: string) =>
  interaction.update({ content, embeds: [], components: [], allowedMentions: noPings }).then(() => undefined);

/**
 * The question this press answers, when it is still open; otherwise the question is closed with
 * what truly happened to it: answered, cancelled or expired here, or asked before a restart.
 */
async function answerQuestion(interaction: ButtonInteraction, id: string, deps: CommandDeps, outcome: 'confirmed' | 'cancelled'): Promise<PendingPrompt | undefined> {
  const answer = deps.confirmations.answer(id, interaction.user.id, outcome);
  const say = memberSpeaker(interaction);
  switch (answer.kind) {
    case 'open':
      return answer.prompt;
    case 'not_yours':
      throw new UserFacingError('not_your_confirmation');
    case 'ended':
      await closeQuestion(interaction, say('confirm.ended', { outcome: answer.outcome, command: answer.command }));
      return undefined;
    case 'unknown':
      await closeQuestion(interaction, say('confirm.closed'));
      return undefined;
  }
}

export const confirmButton: ButtonHandler = {
  prefix: customIdPrefixes.confirm,
  async execute(interaction, id, deps) {
    const pending = await answerQuestion(interaction, id, deps, 'confirmed');
    if (!pending) return;
    try {
      // The button's own interaction carries the public reply, so its token is the one to remember.
      const origin = { ...pending.origin, interactionId: interaction.id };
      await deps.startGeneration({ origin, roleIds: pending.roleIds, request: pending.request }, deps.replyPortFor(interaction));
    } finally {
      await pending.question
        .editReply({ content: memberSpeaker(interaction)('confirm.answered'), embeds: [], components: [], allowedMentions: noPings })
        .catch((error: unknown) => deps.log.debug({ err: error }, 'could not close a confirmation question'));
    }
  },
};

export const cancelButton: ButtonHandler = {
  prefix: customIdPrefixes.cancel,
  async execute(interaction, id, deps) {
    const pending = await answerQuestion(interaction, id, deps, 'cancelled');
    if (pending) await closeQuestion(interaction, memberSpeaker(interaction)('confirm.cancelled'));
  },
};
