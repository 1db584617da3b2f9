import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { ModerationRepo } from '../../../db/moderationRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Logger } from '../../log.js';
import type { DeliveryOutbox } from '../deliveryOutbox.js';
import type { ApprovalState, FailureCode, Generation, Origin } from '../generation.js';
import type { GenerationLifecycle } from '../generationLifecycle.js';
import type { Clock } from '../ports.js';
import type { ReplySetups } from '../replySetups.js';
import type { ModerationPosts } from './moderationPorts.js';
import type { ModerationSettings, ModeratorRef } from './moderationSettings.js';

export interface ApprovalsDeps {
  repo: ModerationRepo;
  generations: GenerationRepo;
  lifecycle: Pick<GenerationLifecycle, 'fail'>;
  settings: ModerationSettings;
  outbox: Pick<DeliveryOutbox, 'deliver'>;
  posts: ModerationPosts;
  /** A request still being set up (or approved) shows its own approval message; the tick leaves it alone. */
  replySetups: Pick<ReplySetups, 'has'>;
  transaction: Transaction;
  clock: Clock;
  /** How long a request waits for a moderator at most. */
  ttlMs: number;
  /** How long Discord's image links are trusted from a request's creation (QUEUE_MAX_WAIT_MS). */
  imageWindowMs: number;
  /** A failed post of the approval message is tried again after this. */
  retryMs: number;
  log: Logger;
}

/** How a waiting request can end without being approved. */
export type Release = 'denied' | 'expired' | 'cancelled' | 'unreachable';

const releaseCodes: Record<Release, FailureCode> = {
  denied: 'APPROVAL_DENIED',
  expired: 'APPROVAL_EXPIRED',
  cancelled: 'CANCELLED',
  unreachable: 'APPROVAL_UNAVAILABLE',
};

/** What a moderator's press found: the request is theirs to decide, or why not. */
export type ApprovalCheck =
  | { kind: 'open'; generation: Generation }
  | { kind: 'unknown' }
  | { kind: 'not_moderator' }
  | { kind: 'own_request' }
  /** Decided or ended already: a second press, or a press after it expired. */
  | { kind: 'ended'; state: Exclude<ApprovalState, 'waiting'>; deciderId: string | null };

const SHOW_BATCH = 25;

/** The longest reason a moderator may give for declining. */
export const MAX_DENY_REASON_LENGTH = 500;

export type Approvals = ReturnType<typeof createApprovals>;

/**
 * Requests held for a moderator: reserved like queued ones (so the budget cannot be overspent),
 * shown in the approval channel, and ended once, by a moderator, their member, or the clock.
 */
export function createApprovals(deps: ApprovalsDeps) {
  const { repo, generations, lifecycle, settings, outbox, posts, transaction, clock, log } = deps;

  /** Tells Discord what the approval message should show now; a channel it cannot use releases a waiting request. */
  async function show(generationId: number): Promise<void> {
    const row = repo.approval(generationId);
    const generation = generations.get(generationId);
    if (!row || !generation || row.shownRevision >= row.revision) return;
    try {
      const result = await posts.showApproval(row.channelId, generation, row.messageId);
      if (result.kind === 'shown') {
        repo.markApprovalShown(generationId, row.revision, result.messageId);
        if (row.messageId === null) repo.setProblem(row.guildId, 'approval', null);
        return;
      }
      log.warn({ generationId, channelId: row.channelId, problem: result.problem }, 'cannot post in the approval channel');
      repo.setProblem(row.guildId, 'approval', result.problem);
      if (row.state === 'waiting') await release(generationId, 'unreachable');
      // Nothing more can be shown there: whatever it now holds counts as shown.
      repo.markApprovalShown(generationId, repo.approval(generationId)?.revision ?? row.revision, null);
    } catch (error) {
      log.warn({ generationId, err: error }, 'could not show the approval message; will retry');
      repo.retryApprovalLater(generationId, new Date(clock.now().getTime() + deps.retryMs));
    }
  }

  /**
   * Ends a waiting request uncharged: its credits are released, its member's reply says why, and
   * the approval message shows it. The one way out of waiting but approval (a Cancel button too).
   * False when it no longer waited.
   */
  async function release(generationId: number, how: Release, by: string | null = null, reason: string | null = null): Promise<boolean> {
    const released = transaction(() => {
      const generation = generations.get(generationId);
      const decided = repo.decide(generationId, { state: how, deciderId: by, reason, at: clock.now() });
      if (!decided) return false;
      if (generation?.state !== 'awaiting_approval') {
        // Ended another way (Discord never took its reply): its wait is closed unshown, nothing more moves.
        repo.markApprovalShown(generationId, repo.approval(generationId)!.revision, null);
        return false;
      }
      // Who cancelled is written with the failure: the reply delivered below already names them.
      lifecycle.fail(generation, releaseCodes[how], how === 'cancelled' ? by : null);
      return true;
    });
    if (!released) return false;
    log.info({ generationId, how, by }, 'request released before approval');
    await outbox.deliver(generations.get(generationId)!);
    if (how !== 'unreachable') await show(generationId);
    return true;
  }

  function check(generationId: number, moderator: ModeratorRef): ApprovalCheck {
    const row = Number.isSafeInteger(generationId) ? repo.approval(generationId) : undefined;
    const generation = row && generations.get(generationId);
    if (!row || !generation || row.guildId !== moderator.guildId) return { kind: 'unknown' };
    if (!settings.isModerator(moderator)) return { kind: 'not_moderator' };
    if (row.state !== 'waiting') return { kind: 'ended', state: row.state, deciderId: row.deciderId };
    // A request that ended another way while its wait stayed open (its reply never opened) is not there to decide.
    if (generation.state !== 'awaiting_approval') return { kind: 'unknown' };
    // Nobody approves their own request, not even a moderator whose request waited before they became one.
    if (generation.userId === moderator.userId) return { kind: 'own_request' };
    return { kind: 'open', generation };
  }

  return {
    /**
     * Where this member's request must wait, or null: approval is off, or they moderate. Called after
     * the admission (and the member's confirmation), before anything is reserved.
     */
    channelFor(origin: Origin, roleIds: readonly string[], managesMessages: boolean): string | null {
      const channelId = settings.view(origin.guildId).approval?.channelId ?? null;
      if (!channelId) return null;
      return settings.isModerator({ guildId: origin.guildId, userId: origin.userId, roleIds, managesMessages }) ? null : channelId;
    },
    /** Records the wait, in the transaction that stores and reserves the request. */
    hold(generation: Generation, channelId: string): void {
      const created = generation.createdAt.getTime();
      const ttl = generation.imageUrls.length > 0 ? Math.min(deps.ttlMs, deps.imageWindowMs) : deps.ttlMs;
      repo.insertApproval({ generationId: generation.id, guildId: generation.guildId, channelId, createdAt: generation.createdAt, expiresAt: new Date(created + ttl) });
    },
    show,
    release,
    check,
    /**
     * A moderator approves: in one transaction the approval is recorded and the request joins the
     * queue. The caller sends it on through the start path (images checked again, then the queue).
     */
    approve(generationId: number, moderator: ModeratorRef): ApprovalCheck {
      return transaction(() => {
        const found = check(generationId, moderator);
        if (found.kind !== 'open') return found;
        repo.decide(generationId, { state: 'approved', deciderId: moderator.userId, reason: null, at: clock.now() });
        generations.leaveApproval(generationId);
        log.info({ generationId, moderatorId: moderator.userId }, 'request approved');
        return { kind: 'open', generation: generations.get(generationId)! } as const;
      });
    },
    /** A moderator declines, with an optional reason the member reads. */
    async deny(generationId: number, moderator: ModeratorRef, reason: string | null): Promise<ApprovalCheck> {
      const found = check(generationId, moderator);
      if (found.kind !== 'open') return found;
      if (!(await release(generationId, 'denied', moderator.userId, reason))) return check(generationId, moderator);
      return { kind: 'open', generation: generations.get(generationId)! };
    },
    /** Releases requests nobody decided in time, and shows approval messages behind. A tick step. */
    async runDue(stopping?: AbortSignal): Promise<void> {
      for (const row of repo.expired(clock.now())) {
        if (stopping?.aborted) return;
        await release(row.generationId, 'expired');
      }
      for (const row of repo.approvalsToShow(clock.now(), SHOW_BATCH)) {
        if (stopping?.aborted) return;
        if (deps.replySetups.has(row.generationId)) continue;
        await show(row.generationId);
      }
    },
  };
}
