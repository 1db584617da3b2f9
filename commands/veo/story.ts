import { admit } from '../../src/domain/generationStarter.js';
import { priceOf } from '../../src/domain/pricing.js';
import { parseStory } from '../../src/domain/videoRequest.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { requireGuild } from '../../src/discord/interactionInput.js';
import { readStoryForm, renderStoryModal, STORY_RESOLUTION } from '../../src/discord/render/storyForm.js';
import { memberSpeaker } from '../../src/discord/replies.js';
import type { Command, ModalHandler } from '../command.js';
import { askerOf, startFor } from './startFor.js';

/**
 * `/veo story`: the form must be the command's first answer, so only quick, local checks come
 * before it; a server where even one shot is refused says so before the member types a story.
 */
export const runStory: Command['execute'] = async (interaction, deps) => {
  admit(deps.checks, askerOf(requireGuild(interaction)), priceOf(STORY_RESOLUTION, 1));
  await interaction.showModal(renderStoryModal(memberSpeaker(interaction)));
};

/** The filled-in form: always shows the shots and their cost and asks to confirm (a story is never cheap). */
export const storyModal: ModalHandler = {
  prefix: customIdPrefixes.story,
  async execute(interaction, _subject, deps) {
    const member = requireGuild(interaction);
    await startFor(member, 'story', { request: parseStory(readStoryForm(member)), alwaysAsk: true }, deps);
  },
};
