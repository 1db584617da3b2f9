import type { Command } from './command.js';
import { veo } from './veo.js';

/** Every slash command: registration and dispatch both read this list. */
export const commands: Command[] = [veo];
