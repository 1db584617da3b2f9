import type { Asker, StartCall } from '../../src/domain/generationStarter.js';
import { managesMessages, originOf, roleIdsOf, type GuildAsking } from '../../src/discord/interactionInput.js';
import type { AskingCommand } from '../../src/discord/pendingConfirmations.js';
import type { CommandDeps } from '../command.js';

/** Whoever this interaction comes from asks, and pays; a moderator's request never waits for approval. */
export const askerOf = (interaction: GuildAsking): Asker => ({
  origin: originOf(interaction),
  roleIds: roleIdsOf(interaction),
  managesMessages: managesMessages(interaction),
});

/** Starts the video for the member asking, or asks them to confirm it first: the domain decides. */
export async function startFor(
  interaction: GuildAsking,
  command: AskingCommand,
  call: Omit<StartCall, 'origin' | 'roleIds' | 'confirmed'>,
  deps: CommandDeps,
): Promise<void> {
  await deps.startGeneration({ ...askerOf(interaction), ...call, confirmed: false }, deps.replyPortFor(interaction, command));
}
