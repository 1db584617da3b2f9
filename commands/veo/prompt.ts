import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { readVideoRequest, requireGuild } from '../../src/discord/interactionInput.js';
import type { Command } from '../command.js';
import { startOrAsk } from './startOrAsk.js';

/** `/veo prompt`: checks the request and the quota, asks to confirm a costly one, then starts it. */
export const runPrompt: Command['execute'] = async (interaction, deps) => {
  const guildInteraction = requireGuild(interaction);
  await startOrAsk(guildInteraction, parseVideoRequest(readVideoRequest(guildInteraction)), 'prompt', deps);
};
