import type { ButtonInteraction } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { noPings } from '../../src/discord/replies.js';
import type { ButtonHandler, CommandDeps } from '../command.js';
import { startGeneration } from './startGeneration.js';

const EXPIRED = 'This question expired, so nothing was reserved. Run `/veo prompt` again.';

function takePending(interaction: ButtonInteraction, id: string, deps: CommandDeps) {
  const pending = deps.confirmations.take(id, interaction.user.id);
  if (pending === 'not_yours') throw new UserFacingError('not_your_confirmation', 'Only the member who asked for this video can answer.');
  return pending;
}

const closeQuestion = (interaction: ButtonInteraction, content: string) =>
  interaction.update({ content, embeds: [], components: [], allowedMentions: noPings });

export const confirmButton: ButtonHandler = {
  prefix: 'veo-confirm',
  async execute(interaction, id, deps) {
    const pending = takePending(interaction, id, deps);
    if (pending === 'expired') return closeQuestion(interaction, EXPIRED).then(() => undefined);
    try {
      // The button's own interaction carries the public reply, so its token is the one to remember.
      await startGeneration(interaction, { ...pending, origin: { ...pending.origin, interactionId: interaction.id } }, deps);
    } finally {
      await pending.question
        .editReply({ content: 'Answered; see the reply below.', embeds: [], components: [], allowedMentions: noPings })
        .catch((error: unknown) => deps.log.debug({ err: error }, 'could not close a confirmation question'));
    }
  },
};

export const cancelButton: ButtonHandler = {
  prefix: 'veo-cancel',
  async execute(interaction, id, deps) {
    const pending = takePending(interaction, id, deps);
    await closeQuestion(interaction, pending === 'expired' ? EXPIRED : 'Cancelled. No credits were used.');
  },
};
