import type { GuildCommand } from '../../src/discord/interactionInput.js';
import { replyPrivately } from '../../src/discord/replies.js';
import type { CommandDeps } from '../command.js';

/** Who is changing which server; only built after the Manage Server check passed. */
export interface AdminOrigin {
  guildId: string;
  adminId: string;
}

export type AdminRun = (interaction: GuildCommand, admin: AdminOrigin, deps: CommandDeps) => Promise<void>;

/** Logs a settings or ledger change with who made it, then tells the admin what changed. */
export async function reportChange(
  interaction: GuildCommand,
  admin: AdminOrigin,
  deps: CommandDeps,
  change: Record<string, unknown>,
  content: string,
): Promise<void> {
  deps.log.info({ ...admin, ...change }, 'quota changed');
  await replyPrivately(interaction, { content });
}
