import { MAX_PROMPT_LENGTH, modes, SHOT_SEPARATOR } from '../src/domain/videoRequest.js';
import { priceListText } from '../src/discord/render/credits.js';
import { translator } from '../src/discord/words/catalogue.js';
import { aspectRatios, resolutions } from '../src/veo/types.js';
import { serverCommand, type Command } from './command.js';
import { cancelButton, confirmButton } from './veo/confirmation.js';
import { runCredits } from './veo/credits.js';
import { runPrompt } from './veo/prompt.js';
import { runStatus } from './veo/status.js';
import { runStory, storyModal } from './veo/story.js';

const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));
// Registered in the fallback language; Discord shows it to members whose language has no words yet.
const say = translator('en');

const data = serverCommand('veo', say('veo.description'))
  .addSubcommand((sub) =>
    sub
      .setName('prompt')
      .setDescription(say('veo.prompt.description'))
      .addStringOption((o) =>
        o
          .setName('text')
          .setDescription(say('veo.prompt.text', { separator: SHOT_SEPARATOR }))
          .setRequired(true)
          .setMaxLength(MAX_PROMPT_LENGTH),
      )
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription(say('veo.prompt.mode'))
          .addChoices(...modes.map((mode) => ({ name: say('veo.prompt.modeChoice', { mode }), value: mode }))),
      )
      .addStringOption((o) => o.setName('aspect').setDescription(say('veo.prompt.aspect')).addChoices(...choices(...aspectRatios)))
      .addStringOption((o) =>
        o
          .setName('resolution')
          .setDescription(say('veo.prompt.resolution', { priceList: priceListText(say, '; ') }))
          .addChoices(...choices(...resolutions)),
      )
      .addAttachmentOption((o) => o.setName('image').setDescription(say('veo.prompt.image')))
      .addAttachmentOption((o) => o.setName('image2').setDescription(say('veo.prompt.image2')))
      .addAttachmentOption((o) => o.setName('image3').setDescription(say('veo.prompt.image3'))),
  )
  .addSubcommand((sub) => sub.setName('story').setDescription(say('veo.story.description')))
  .addSubcommand((sub) =>
    sub
      .setName('status')
      .setDescription(say('veo.status.description'))
      .addIntegerOption((o) => o.setName('id').setDescription(say('veo.status.id')).setMinValue(1)),
  )
  .addSubcommand((sub) => sub.setName('credits').setDescription(say('veo.credits.description')))
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
  buttons: [confirmButton, cancelButton],
  modals: [storyModal],
} satisfies Command;
