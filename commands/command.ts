import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Clock } from '../src/clock.js';
import type { DeliveryOutbox } from '../src/domain/deliveryOutbox.js';
import type { GenerationService } from '../src/domain/generationService.js';
import type { DiscordNotifier } from '../src/discord/notifier.js';
import type { Logger } from '../src/log.js';

/** What command handlers may use; built once in src/app.ts. */
export interface CommandDeps {
  generations: GenerationService;
  outbox: DeliveryOutbox;
  notifier: DiscordNotifier;
  clock: Clock;
  log: Logger;
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: CommandDeps): Promise<void>;
}
