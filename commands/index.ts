import type { Command } from './command.js';
import { veo } from './veo.js';
import { veoAdmin } from './veoAdmin.js';

/** Every slash command: registration and dispatch both read this list. */
export const commands: Command[] = [veo, veoAdmin];
