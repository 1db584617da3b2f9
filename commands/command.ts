import type { ButtonInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Clock } from '../src/clock.js';
import type { DeliveryOutbox } from '../src/domain/deliveryOutbox.js';
import type { GenerationService } from '../src/domain/generationService.js';
import type { ReplySetups } from '../src/domain/replySetups.js';
import type { SubmissionQueue } from '../src/domain/submissionQueue.js';
import type { QuotaService } from '../src/domain/quota/quotaService.js';
import type { PendingConfirmations } from '../src/discord/pendingConfirmations.js';
import type { DiscordNotifier } from '../src/discord/notifier.js';
import type { Logger } from '../src/log.js';

/** What command handlers may use; built once in src/app.ts. */
export interface CommandDeps {
  generations: GenerationService;
  queue: SubmissionQueue;
  replySetups: ReplySetups;
  quota: QuotaService;
  confirmations: PendingConfirmations;
  outbox: DeliveryOutbox;
  notifier: DiscordNotifier;
  clock: Clock;
  log: Logger;
}

/** Handles the buttons whose custom id is `<prefix>:<rest>`. */
export interface ButtonHandler {
  prefix: string;
  execute(interaction: ButtonInteraction, rest: string, deps: CommandDeps): Promise<void>;
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: CommandDeps): Promise<void>;
  buttons?: readonly ButtonHandler[];
}
