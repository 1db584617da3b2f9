import type { ButtonInteraction } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import type { PendingPrompt } from '../../src/discord/pendingConfirmations.js';
import { answeredQuestion, cancelledQuestion, closedQuestion, notOpenText } from '../../src/discord/render/confirmationAnswers.js';
import { managesMessages, requireGuild } from '../../src/discord/interactionInput.js';
import { memberSpeaker } from '../../src/discord/replies.js';
import type { ButtonHandler, CommandDeps } from '../command.js';

/**
 * The question this press answers, when it is still open; otherwise the question is closed with
 * what truly happened to it: answered, cancelled or expired here, or asked before a restart.
 */
async function answerQuestion(interaction: ButtonInteraction, id: string, deps: CommandDeps, outcome: 'confirmed' | 'cancelled'): Promise<PendingPrompt | undefined> {
  const answer = deps.confirmations.answer(id, interaction.user.id, outcome);
  if (answer.kind === 'open') return answer.prompt;
  if (answer.kind === 'not_yours') throw new UserFacingError('not_your_confirmation');
  await interaction.update(closedQuestion(notOpenText(answer, memberSpeaker(interaction))));
  return undefined;
}

export const confirmButton: ButtonHandler = {
  prefix: customIdPrefixes.confirm,
  async execute(interaction, id, deps) {
    const pending = await answerQuestion(interaction, id, deps, 'confirmed');
    if (!pending) return;
    try {
      // The button's own interaction carries the public reply, so its token is the one to remember.
      const origin = { ...pending.origin, interactionId: interaction.id };
      // Whether its member moderates is read now, from this press: approval follows the confirmation.
      const asker = { origin, roleIds: pending.roleIds, managesMessages: managesMessages(requireGuild(interaction)) };
      await deps.startGeneration({ ...asker, request: pending.request, confirmed: true }, deps.replyPortFor(interaction, pending.command));
    } finally {
      await pending.question
        .editReply(answeredQuestion(memberSpeaker(interaction)))
        .catch((error: unknown) => deps.log.debug({ err: error }, 'could not close a confirmation question'));
    }
  },
};

export const cancelButton: ButtonHandler = {
  prefix: customIdPrefixes.cancel,
  async execute(interaction, id, deps) {
    const pending = await answerQuestion(interaction, id, deps, 'cancelled');
    if (pending) await interaction.update(cancelledQuestion(memberSpeaker(interaction)));
  },
};
