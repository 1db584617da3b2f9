import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Blocklists } from '../src/domain/blocklist/blocklists.js';
import type { StartGeneration } from '../src/domain/generationStarter.js';
import type { GenerationLifecycle } from '../src/domain/generationLifecycle.js';
import type { MemberRules } from '../src/domain/members/memberRules.js';
import type { Withdrawals } from '../src/domain/members/withdrawal.js';
import type { Approvals } from '../src/domain/moderation/approvals.js';
import type { ModerationSettings } from '../src/domain/moderation/moderationSettings.js';
import type { OperatorControls } from '../src/domain/operator/operatorControls.js';
import type { QuotaAdmin } from '../src/domain/quota/quotaAdmin.js';
import type { QuotaChecks } from '../src/domain/quota/quotaChecks.js';
import type { ResultActions } from '../src/domain/resultActions.js';
import type { VideoActions } from '../src/domain/videoActions.js';
import type { ServerKeys } from '../src/domain/serverKeys/serverKeys.js';
import type * as Handlers from '../src/discord/commandTypes.js';
import type { Operators } from '../src/discord/operators.js';
import type { PendingConfirmations } from '../src/discord/pendingConfirmations.js';
import type { ReplyPortFor } from '../src/discord/replyPort.js';
import type { Translate } from '../src/discord/words/catalogue.js';
import { described } from '../src/discord/words/commandLocalizations.js';
import type { Logger } from '../src/log.js';

/** What command handlers may use, and no more (never the ledger's settle or refund); built once in src/app.ts. */
export interface CommandDeps {
  generations: Pick<GenerationLifecycle, 'get' | 'listForMember'>;
  /** A member's standing: `/veo credits`, and whether a story may be asked for at all. */
  checks: Pick<QuotaChecks, 'check' | 'summary'>;
  /** What /veo-admin reads and changes. */
  quotaAdmin: QuotaAdmin;
  /** Admission and start: the one way a video is asked for. */
  startGeneration: StartGeneration;
  /** The reply a generation started by this interaction is shown in, or its question asked in. */
  replyPortFor: ReplyPortFor;
  /** The questions asked, answered by their Confirm and Cancel buttons. */
  confirmations: Pick<PendingConfirmations, 'answer'>;
  /** The operator's rules over every server, and what /veo-operator changes. */
  operator: OperatorControls;
  operators: Pick<Operators, 'has'>;
  /** Servers' own vendor keys: `/veo-admin api-key`, the settings line and the operator's list. */
  serverKeys: Pick<ServerKeys, 'state' | 'mode' | 'assertUsable' | 'set' | 'remove' | 'standing' | 'guildsWithKeys'>;
  /** Runs a poller tick now: the queue is tried at once after the operator lifts a hold on it. */
  wake: () => Promise<void>;
  /** A server's approval and log settings. */
  moderation: Pick<ModerationSettings, 'view' | 'approvalOn' | 'approvalOff' | 'logOn' | 'logOff'>;
  /** Requests waiting for a moderator: who may decide them, and Deny (Approve is `startGeneration.approve`). */
  approvals: Pick<Approvals, 'check' | 'deny'>;
  /** What a finished reply's buttons may do, found by the generation id alone. */
  results: ResultActions;
  /** Each member's rules as /veo status and /veo-admin read and change them. */
  members: Pick<MemberRules, 'view' | 'setActiveLimit' | 'clearCooldown' | 'waitingFor'>;
  /** A waiting request's Cancel button. */
  withdrawals: Withdrawals;
  /** Each server's blocked words: what `/veo-admin blocklist` reads and changes. */
  blocklists: Pick<Blocklists, 'add' | 'remove' | 'list' | 'setBuiltin' | 'summary'>;
  /** Extend's frame and Join; undefined when the bot has no ffmpeg. */
  videos: VideoActions | undefined;
  log: Logger;
}

export type Command = Handlers.Command<CommandDeps>;
export type ButtonHandler = Handlers.ButtonHandler<CommandDeps>;
export type ModalHandler = Handlers.ModalHandler<CommandDeps>;

/** A slash command for servers only. Discord fills these defaults in, and registration compares them, so they are stated. */
export const serverCommand = (name: string, words: (say: Translate) => string) =>
  described(new SlashCommandBuilder().setName(name), words)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setNSFW(false);
