import type { Origin } from '../../src/domain/generation.js';
import { originOf, roleIdsOf, type GuildAsking } from '../../src/discord/interactionInput.js';
import type { CommandDeps } from '../command.js';

export interface Admitted {
  origin: Origin;
  roleIds: string[];
  /** What the member may still spend after this, or null without a limit. */
  remainingAfter: number | null;
  needsConfirmation: boolean;
}

/** Who asks, and whether the server's budget and their cap allow this many credits; a refusal is thrown. */
export function admit(interaction: GuildAsking, credits: number, deps: CommandDeps): Admitted {
  const origin = originOf(interaction);
  const roleIds = roleIdsOf(interaction);
  const check = deps.checks.check({ guildId: origin.guildId, userId: origin.userId, roleIds }, credits);
  if (!check.ok) throw check.refusal;
  return { origin, roleIds, remainingAfter: check.remainingAfter, needsConfirmation: check.needsConfirmation };
}
