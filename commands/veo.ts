import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_PROMPT_LENGTH } from '../src/domain/videoRequest.js';
import { priceListText } from '../src/discord/render/credits.js';
import { aspectRatios, resolutions } from '../src/veo/types.js';
import type { Command } from './command.js';
import { cancelButton, confirmButton } from './veo/confirmation.js';
import { runCredits } from './veo/credits.js';
import { runPrompt } from './veo/prompt.js';
import { runStatus } from './veo/status.js';

const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));

const data = new SlashCommandBuilder()
  .setName('veo')
  .setDescription('Make short AI videos with Google Veo 3.1')
  // Stated explicitly because Discord fills these defaults in, and registration compares them.
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setNSFW(false)
  .addSubcommand((sub) =>
    sub
      .setName('prompt')
      .setDescription('Make a video from a prompt, optionally with images')
      .addStringOption((o) =>
        o
          .setName('text')
          .setDescription('Describe the video. Separate shots with || for a longer 720p video.')
          .setRequired(true)
          .setMaxLength(MAX_PROMPT_LENGTH),
      )
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('How images are used (default: text, or reference when images are attached)')
          .addChoices(
            { name: 'text (no images)', value: 'text' },
            { name: 'frames (first and optional last frame)', value: 'frames' },
            { name: 'reference (1-3 reference images)', value: 'reference' },
          ),
      )
      .addStringOption((o) => o.setName('aspect').setDescription('Aspect ratio (default 16:9)').addChoices(...choices(...aspectRatios)))
      .addStringOption((o) =>
        o
          .setName('resolution')
          .setDescription(`${priceListText('; ')} (default 720p)`)
          .addChoices(...choices(...resolutions)),
      )
      .addAttachmentOption((o) => o.setName('image').setDescription('First frame, or a reference image'))
      .addAttachmentOption((o) => o.setName('image2').setDescription('Last frame, or a second reference image'))
      .addAttachmentOption((o) => o.setName('image3').setDescription('A third reference image')),
  )
  .addSubcommand((sub) =>
    sub
      .setName('status')
      .setDescription('Your recent videos in this server, or one in detail')
      .addIntegerOption((o) => o.setName('id').setDescription('A generation number, for its details').setMinValue(1)),
  )
  .addSubcommand((sub) => sub.setName('credits').setDescription("This server's video budget and what you can still spend"))
  .toJSON();

export const veo = {
  data,
  async execute(interaction, deps) {
    switch (interaction.options.getSubcommand()) {
      case 'prompt':
        return runPrompt(interaction, deps);
      case 'status':
        return runStatus(interaction, deps);
      case 'credits':
        return runCredits(interaction, deps);
    }
  },
  buttons: [confirmButton, cancelButton],
} satisfies Command;
