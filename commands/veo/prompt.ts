import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { readVideoRequest, requireGuild } from '../../src/discord/interactionInput.js';
import type { Command } from '../command.js';
import { admit } from './admit.js';
import { askToConfirm } from './confirmation.js';

/** `/veo prompt`: checks the request and the quota, asks to confirm a costly one, then starts it. */
export const runPrompt: Command['execute'] = async (interaction, deps) => {
  const guildInteraction = requireGuild(interaction);
  const request = parseVideoRequest(readVideoRequest(guildInteraction));
  const { origin, roleIds, remainingAfter, needsConfirmation } = admit(guildInteraction, request.credits, deps);
  if (!needsConfirmation) {
    await deps.startGeneration({ origin, roleIds, request }, deps.replyPortFor(interaction));
    return;
  }
  await askToConfirm(interaction, { origin, roleIds, request, command: 'prompt', question: interaction }, remainingAfter, deps);
};
