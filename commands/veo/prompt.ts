import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { originOf, readVideoRequest, requireGuild, roleIdsOf } from '../../src/discord/interactionInput.js';
import type { Command } from '../command.js';
import { askToConfirm } from './confirmation.js';

/** `/veo prompt`: checks the request and the quota, asks to confirm a costly one, then starts it. */
export const runPrompt: Command['execute'] = async (interaction, deps) => {
  const guildInteraction = requireGuild(interaction);
  const request = parseVideoRequest(readVideoRequest(guildInteraction));
  const origin = originOf(guildInteraction);
  const roleIds = roleIdsOf(guildInteraction);
  const check = deps.quota.check({ guildId: origin.guildId, userId: origin.userId, roleIds }, request.credits);
  if (!check.ok) throw check.refusal;
  if (!check.needsConfirmation) {
    await deps.startGeneration({ origin, roleIds, request }, deps.replyPortFor(interaction));
    return;
  }
  await askToConfirm(interaction, { origin, roleIds, request, command: 'prompt', question: interaction }, check.remainingAfter, deps);
};
