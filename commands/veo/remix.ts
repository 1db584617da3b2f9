import { UserFacingError } from '../../src/domain/errors.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { readRemixForm, renderRemixModal } from '../../src/discord/render/remixForm.js';
import { memberSpeaker } from '../../src/discord/replies.js';
import type { ButtonHandler, ModalHandler } from '../command.js';
import { pressedKeptResult } from './pressedResult.js';
import { startFor } from './startFor.js';

/** Remix: the form must be the press's first answer, so only the quick lookup comes before it. */
export const remixButton: ButtonHandler = {
  prefix: customIdPrefixes.remix,
  async execute(interaction, subject, deps) {
    const { member, generation } = pressedKeptResult(interaction, subject, deps);
    await interaction.showModal(renderRemixModal(generation, memberSpeaker(interaction), { keepsImages: generation.userId === member.user.id }));
  },
};

/**
 * The edited request, paid by whoever submits it. The generation is looked up again: it may have
 * been removed while the form was open. Kept images (its author's only) are checked; expired ones
 * must be replaced.
 */
export const remixModal: ModalHandler = {
  prefix: customIdPrefixes.remix,
  async execute(interaction, subject, deps) {
    const { member, generation: original } = pressedKeptResult(interaction, subject, deps);
    const input = readRemixForm(member);
    const request = deps.results.remixOf(original, input, member.user.id);
    const keptImages = request.imageUrls.length > 0 && input.images === null ? { keptImages: { urls: request.imageUrls, expired: new UserFacingError('remix_images_expired', { id: original.id }) } } : {};
    await startFor(member, 'remix', { request, ...keptImages }, deps);
  },
};
