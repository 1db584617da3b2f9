import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/**
 * The shapes the router and registration know commands by. They are generic over `D`, what the
 * handlers are given, so this side never imports the commands: the app hands their lists in.
 */

/**
 * Handles the components whose custom id is `<prefix>:<rest>`: `rest` carries only what identifies
 * the subject (a question, a generation), so the handler works after a restart.
 */
export interface ComponentHandler<I, D> {
  prefix: string;
  execute(interaction: I, rest: string, deps: D): Promise<void>;
}

export type ButtonHandler<D> = ComponentHandler<ButtonInteraction, D>;
/** A modal's submission; the modal was shown as the first answer to a command or a button. */
export type ModalHandler<D> = ComponentHandler<ModalSubmitInteraction, D>;

export interface Command<D> {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: D): Promise<void>;
  buttons?: readonly ButtonHandler<D>[];
  autocomplete?(interaction: AutocompleteInteraction, deps: D): Promise<void>;
  /** Answers in servers the operator did not enable too (it checks who may use it itself). */
  anyServer?: boolean;
  modals?: readonly ModalHandler<D>[];
}

/** What registration needs of a command: its definition alone. */
export type CommandDefinition = Pick<Command<never>, 'data'>;

/** What the router itself reads of the handlers' deps: whether the operator enabled a server. */
export interface RouterDeps {
  operator: { rules: { allows(guildId: string): boolean } };
}
