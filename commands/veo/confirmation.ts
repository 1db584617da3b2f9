import type { ButtonInteraction } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { memberSpeaker, noPings } from '../../src/discord/replies.js';
import type { ButtonHandler, CommandDeps } from '../command.js';

function takePending(interaction: ButtonInteraction, id: string, deps: CommandDeps) {
  const pending = deps.confirmations.take(id, interaction.user.id);
  if (pending === 'not_yours') throw new UserFacingError('not_your_confirmation');
  return pending;
}

const closeQuestion = (interaction: ButtonInteraction, content: string) =>
  interaction.update({ content, embeds: [], components: [], allowedMentions: noPings });

export const confirmButton: ButtonHandler = {
  prefix: 'veo-confirm',
  async execute(interaction, id, deps) {
    const pending = takePending(interaction, id, deps);
    if (pending === 'expired') return closeQuestion(interaction, memberSpeaker(interaction)('confirm.expired')).then(() => undefined);
    try {
      // The button's own interaction carries the public reply, so its token is the one to remember.
      const origin = { ...pending.origin, interactionId: interaction.id };
      await deps.startGeneration({ ...pending, origin }, deps.replyPortFor(interaction));
    } finally {
      await pending.question
        .editReply({ content: memberSpeaker(interaction)('confirm.answered'), embeds: [], components: [], allowedMentions: noPings })
        .catch((error: unknown) => deps.log.debug({ err: error }, 'could not close a confirmation question'));
    }
  },
};

export const cancelButton: ButtonHandler = {
  prefix: 'veo-cancel',
  async execute(interaction, id, deps) {
    const pending = takePending(interaction, id, deps);
    await closeQuestion(interaction, memberSpeaker(interaction)(pending === 'expired' ? 'confirm.expired' : 'confirm.cancelled'));
  },
};
