import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { readVideoRequest, requireGuild } from '../../src/discord/interactionInput.js';
import type { Command } from '../command.js';
import { startFor } from './startFor.js';

/** `/veo prompt`: the request is checked here, then started, or first confirmed when costly. */
export const runPrompt: Command['execute'] = async (interaction, deps) => {
  const member = requireGuild(interaction);
  await startFor(member, 'prompt', { request: parseVideoRequest(readVideoRequest(member)) }, deps);
};
