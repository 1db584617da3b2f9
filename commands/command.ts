import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Clock } from '../src/clock.js';
import type { StartGeneration } from '../src/domain/generationStarter.js';
import type { GenerationService } from '../src/domain/generationService.js';
import type { ImageLinks } from '../src/domain/ports.js';
import type { OperatorControls } from '../src/domain/operator/operatorControls.js';
import type { QuotaService } from '../src/domain/quota/quotaService.js';
import type { ResultActions } from '../src/domain/resultActions.js';
import type { Operators } from '../src/discord/operators.js';
import type { PendingConfirmations } from '../src/discord/pendingConfirmations.js';
import type { ReplyPortFor } from '../src/discord/replyPort.js';
import type { Translate } from '../src/discord/words/catalogue.js';
import { described } from '../src/discord/words/commandLocalizations.js';
import type { Logger } from '../src/log.js';

/** What command handlers may use; built once in src/app.ts. */
export interface CommandDeps {
  generations: Pick<GenerationService, 'get' | 'listForMember'>;
  quota: QuotaService;
  startGeneration: StartGeneration;
  /** The reply a generation started by this interaction is shown in. */
  replyPortFor: ReplyPortFor;
  confirmations: PendingConfirmations;
  /** The operator's rules over every server, and what /veo-operator changes. */
  operator: OperatorControls;
  operators: Operators;
  /** Runs a poller tick now: the queue is tried at once after the operator resumes. */
  wake: () => Promise<void>;
  /** What a finished reply's buttons may do, found by the generation id alone. */
  results: ResultActions;
  imageLinks: ImageLinks;
  clock: Clock;
  log: Logger;
}

/**
 * Handles the components whose custom id is `<prefix>:<rest>`: `rest` carries only what identifies
 * the subject (a question, a generation), so the handler works after a restart.
 */
export interface ComponentHandler<I> {
  prefix: string;
  execute(interaction: I, rest: string, deps: CommandDeps): Promise<void>;
}

export type ButtonHandler = ComponentHandler<ButtonInteraction>;
/** A modal's submission; the modal was shown as the first answer to a command or a button. */
export type ModalHandler = ComponentHandler<ModalSubmitInteraction>;

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: CommandDeps): Promise<void>;
  buttons?: readonly ButtonHandler[];
  autocomplete?(interaction: AutocompleteInteraction, deps: CommandDeps): Promise<void>;
  /** Answers in servers the operator did not enable too (it checks who may use it itself). */
  anyServer?: boolean;
  modals?: readonly ModalHandler[];
}

/** A slash command for servers only. Discord fills these defaults in, and registration compares them, so they are stated. */
export const serverCommand = (name: string, words: (say: Translate) => string) =>
  described(new SlashCommandBuilder().setName(name), words)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setNSFW(false);
