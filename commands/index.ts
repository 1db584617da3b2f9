import type { Command } from './command.js';
import { veo } from './veo.js';
import { veoAdmin } from './veoAdmin.js';
import { veoOperator } from './veoOperator.js';

/** The commands of every server the bot is in (or of DISCORD_GUILD_ID). */
export const memberCommands: Command[] = [veo, veoAdmin];

/** Registered in OPERATOR_GUILD_ID's server only. */
export const operatorCommands: Command[] = [veoOperator];

/** Every slash command, for dispatch. */
export const commands: Command[] = [...memberCommands, ...operatorCommands];
