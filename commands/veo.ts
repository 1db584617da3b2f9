import { MAX_PROMPT_LENGTH, modes, SHOT_SEPARATOR } from '../src/domain/videoRequest.js';
import { priceListText } from '../src/discord/render/credits.js';
import { choice, described } from '../src/discord/words/commandLocalizations.js';
import { aspectRatios, resolutions } from '../src/veo/types.js';
import { serverCommand, type Command } from './command.js';
import { cancelButton, confirmButton } from './veo/confirmation.js';
import { runCredits } from './veo/credits.js';
import { runPrompt } from './veo/prompt.js';
import { extendButton, extendModal, joinButton } from './veo/extend.js';
import { remixButton, remixModal } from './veo/remix.js';
import { againButton, deleteButton, detailsButton } from './veo/resultButtons.js';
import { runStatus } from './veo/status.js';
import { runStory, storyModal } from './veo/story.js';
import { withdrawButton } from './veo/withdraw.js';

// Values members type (16:9, 720p) name themselves in every language.
const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));

const data = serverCommand('veo', (say) => say('veo.description'))
  .addSubcommand((sub) =>
    described(sub.setName('prompt'), (say) => say('veo.prompt.description'))
      .addStringOption((o) =>
        described(o.setName('text'), (say) => say('veo.prompt.text', { separator: SHOT_SEPARATOR }))
          .setRequired(true)
          .setMaxLength(MAX_PROMPT_LENGTH),
      )
      .addStringOption((o) =>
        described(o.setName('mode'), (say) => say('veo.prompt.mode')).addChoices(
          ...modes.map((mode) => choice(mode, (say) => say('veo.prompt.modeChoice', { mode }))),
        ),
      )
      .addStringOption((o) => described(o.setName('aspect'), (say) => say('veo.prompt.aspect')).addChoices(...choices(...aspectRatios)))
      .addStringOption((o) =>
        described(o.setName('resolution'), (say) => say('veo.prompt.resolution', { priceList: priceListText(say, '; ') })).addChoices(
          ...choices(...resolutions),
        ),
      )
      .addAttachmentOption((o) => described(o.setName('image'), (say) => say('veo.prompt.image')))
      .addAttachmentOption((o) => described(o.setName('image2'), (say) => say('veo.prompt.image2')))
      .addAttachmentOption((o) => described(o.setName('image3'), (say) => say('veo.prompt.image3'))),
  )
  .addSubcommand((sub) => described(sub.setName('story'), (say) => say('veo.story.description')))
  .addSubcommand((sub) =>
    described(sub.setName('status'), (say) => say('veo.status.description')).addIntegerOption((o) =>
      described(o.setName('id'), (say) => say('veo.status.id')).setMinValue(1),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('credits'), (say) => say('veo.credits.description')))
  .toJSON();

export const veo = {
  data,
  async execute(interaction, deps) {
    switch (interaction.options.getSubcommand()) {
      case 'prompt':
        return runPrompt(interaction, deps);
      case 'story':
        return runStory(interaction, deps);
      case 'status':
        return runStatus(interaction, deps);
      case 'credits':
        return runCredits(interaction, deps);
    }
  },
  buttons: [confirmButton, cancelButton, againButton, remixButton, detailsButton, deleteButton, extendButton, joinButton, withdrawButton],
  modals: [storyModal, remixModal, extendModal],
} satisfies Command;
