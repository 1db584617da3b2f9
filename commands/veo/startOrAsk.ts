import type { UserFacingError } from '../../src/domain/errors.js';
import type { VideoRequest } from '../../src/domain/videoRequest.js';
import type { GuildAsking } from '../../src/discord/interactionInput.js';
import type { AskingCommand } from '../../src/discord/pendingConfirmations.js';
import type { CommandDeps } from '../command.js';
import { admit } from './admit.js';
import { askToConfirm } from './confirmation.js';

/**
 * Whoever this interaction comes from pays: their cap and the server's budget are checked, a
 * request at or over the threshold asks them to confirm first, and the rest starts at once.
 */
export async function startOrAsk(interaction: GuildAsking, request: VideoRequest, command: AskingCommand, deps: CommandDeps): Promise<void> {
  const { origin, roleIds, remainingAfter, needsConfirmation } = admit(interaction, request.credits, deps);
  if (!needsConfirmation) {
    await deps.startGeneration({ origin, roleIds, request }, deps.replyPortFor(interaction));
    return;
  }
  await askToConfirm(interaction, { origin, roleIds, request, command, question: interaction }, remainingAfter, deps);
}

/**
 * Images of an earlier request are sent again only while their links still answer (Discord's
 * expire after about a day); otherwise `expired` tells the member what to do instead.
 */
export async function requireLiveImages(urls: readonly string[], expired: UserFacingError, deps: CommandDeps): Promise<void> {
  if (urls.length > 0 && !(await deps.imageLinks.allAnswer(urls))) throw expired;
}
