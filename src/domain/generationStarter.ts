import type { Logger } from '../log.js';
import type { Blocklists } from './blocklist/blocklists.js';
import type { DeliveryOutbox } from './deliveryOutbox.js';
import { UserFacingError } from './errors.js';
import type { FailureCode, Generation, Origin } from './generation.js';
import type { GenerationLifecycle } from './generationLifecycle.js';
import type { MemberRules } from './members/memberRules.js';
import type { Approvals, ApprovalCheck } from './moderation/approvals.js';
import type { ModeratorRef } from './moderation/moderationSettings.js';
import type { ImageLinks } from './ports.js';
import type { QuotaChecks } from './quota/quotaChecks.js';
import type { CreditsSummary, MemberRef } from './quota/types.js';
import type { ReplySetups } from './replySetups.js';
import { releasedFor, type ServerKeyRefusal } from './serverKeys/serverKeys.js';
import type { SubmissionQueue } from './submissionQueue.js';
import type { VideoRequest } from './videoRequest.js';

/** Who asks: the member pays, and their roles may raise their cap. */
export interface Asker {
  origin: Origin;
  roleIds: readonly string[];
  /** Manage Messages or Manage Server, as Discord said for this interaction: a moderator's requests never wait. */
  managesMessages?: boolean;
}

/** Who asks for which video. */
export interface StartRequest extends Asker {
  request: VideoRequest;
}

/** Where a new generation is shown: the chat side of starting one, whatever asked for it. */
export interface ReplyPort {
  /**
   * Answers Discord now, showing nothing yet: what follows may take longer than the 3 seconds
   * Discord waits. A refusal, a question or the public reply then comes after it.
   */
  acknowledge(): Promise<void>;
  /** Opens the public reply that will show the generation; resolves with its message id when known. */
  open(generation: Generation): Promise<{ messageId: string | null }>;
  /** Tells the member, privately, what the video costs and what they can still spend. */
  noteCredits(cost: number, summary: CreditsSummary): Promise<void>;
  /**
   * Holds the request and asks its member, privately, to confirm it; nothing is reserved yet.
   * Their yes comes back as the same start, confirmed.
   */
  askToConfirm(start: StartRequest, remainingAfter: number | null): Promise<void>;
}

/** Images an earlier generation was made with, sent again. */
export interface KeptImages {
  urls: readonly string[];
  /** What the member is told once a link no longer answers: what to do instead. */
  expired: UserFacingError;
}

export interface StartCall extends StartRequest {
  /** The member said yes to this request's question: the reservation checks the quota again. */
  confirmed: boolean;
  /** Asks to confirm however cheap the request (a story shows its shots and cost first). */
  alwaysAsk?: boolean;
  keptImages?: KeptImages;
}

/** Started: queued or sent. Awaiting: reserved and shown, waiting for a moderator's approval. */
export type StartOutcome = { kind: 'started'; generation: Generation } | { kind: 'awaiting'; generation: Generation } | { kind: 'asked' };

export type StartGeneration = ((call: StartCall, reply: ReplyPort) => Promise<StartOutcome>) & {
  /**
   * A moderator approves a waiting request: it goes on as if it had just been confirmed (the
   * server's key and its image links checked again, then the queue). Anything but an open request
   * comes back as found.
   */
  approve(generationId: number, moderator: ModeratorRef): Promise<ApprovalCheck>;
  /**
   * The admission's own checks, run ahead with no side effect (the server's key, blocked words,
   * the member rules, the quota): for work that must not be done for a request that would be
   * refused (Extend's download and frame). The start checks them all again.
   */
  precheck(call: StartCall): void;
};

export interface GenerationStarterDeps {
  generations: Pick<GenerationLifecycle, 'create' | 'attachReply' | 'abort' | 'get'>;
  queue: Pick<SubmissionQueue, 'start'>;
  replySetups: Pick<ReplySetups, 'hold'>;
  outbox: Pick<DeliveryOutbox, 'deliver'>;
  checks: Pick<QuotaChecks, 'check' | 'summary'>;
  /** Each member's rules: no double press, no cooldown, no more than the limit active at once. */
  members: Pick<MemberRules, 'check' | 'admitting'>;
  /** The server's blocked words, checked before anything else. */
  blocklist: Pick<Blocklists, 'check'>;
  imageLinks: ImageLinks;
  /** Left out, no request ever waits for a moderator. */
  approvals?: Pick<Approvals, 'channelFor' | 'hold' | 'show' | 'approve' | 'release'>;
  /** Why the server may not start a video because of its own key (or its lack of one); undefined when it may. */
  serverKeyGate?: (guildId: string) => ServerKeyRefusal | undefined;
  log: Logger;
}

export interface Admission {
  /** What the member may still spend after this, or null without a limit. */
  remainingAfter: number | null;
  needsConfirmation: boolean;
}

const memberOf = ({ origin, roleIds }: Asker): MemberRef => ({ guildId: origin.guildId, userId: origin.userId, roleIds });

/** Whether the server's budget and the member's cap allow this many credits; a refusal is thrown. */
export function admit(checks: Pick<QuotaChecks, 'check'>, asker: Asker, credits: number): Admission {
  const check = checks.check(memberOf(asker), credits);
  if (!check.ok) throw check.refusal;
  return { remainingAfter: check.remainingAfter, needsConfirmation: check.needsConfirmation };
}

/**
 * Starting a generation, the one way every command and button does it. Unconfirmed, no prompt may
 * hold a word the server blocked (a confirmed one was checked when it was asked), the quota must
 * allow it, kept images must still answer (Discord's links expire after about a day), and a
 * request at or over the server's threshold asks its member first. Kept images are checked over
 * the network, so such a call is acknowledged before anything else, and the links are checked
 * last: a member the rules or the quota refuse never makes the bot fetch them. The member rules
 * (double press, cooldown, active limit) are checked when asking and again when storing it. Then:
 * reserve and store it before answering (so a refusal stays private), open the public reply,
 * submit or queue it, show it. The poller does the rest.
 */
export function createGenerationStarter({ generations, queue, replySetups, outbox, checks, members, blocklist, imageLinks, approvals, serverKeyGate, log }: GenerationStarterDeps): StartGeneration {
  async function decide({ confirmed, alwaysAsk = false, keptImages, ...start }: StartCall, reply: ReplyPort): Promise<'start' | 'asked'> {
    if (confirmed) return 'start';
    blocklist.check(start.origin.guildId, [start.request.prompt, ...start.request.shotPrompts]);
    // Checking a link takes up to two requests of 1.5 s each; Discord waits 3 s for an answer.
    if (keptImages) await reply.acknowledge();
    members.check(start);
    const { remainingAfter, needsConfirmation } = admit(checks, start, start.request.credits);
    if (keptImages && keptImages.urls.length > 0 && !(await imageLinks.allAnswer(keptImages.urls))) throw keptImages.expired;
    if (!needsConfirmation && !alwaysAsk) return 'start';
    await reply.askToConfirm(start, remainingAfter);
    return 'asked';
  }

  /** Into the queue (or straight to the API), then shown. */
  async function submit(generation: Generation): Promise<Generation> {
    const sent = await queue.start(generation);
    await outbox.deliver(sent);
    return sent;
  }

  /**
   * Reserves and stores the request, opens its public reply, then submits or queues it; a request
   * that must wait for a moderator is stored waiting instead, and shown in the approval channel.
   */
  async function start({ origin, roleIds, request }: StartRequest, reply: ReplyPort, approvalChannelId: string | null): Promise<Generation> {
    // The member rules again, atomically with the reservation: a confirmed question and a double press meet them here.
    const generation = members.admitting({ origin, request }, () =>
      approvalChannelId
        ? generations.create(origin, roleIds, request, 'awaiting_approval', (created) => approvals?.hold(created, approvalChannelId))
        : generations.create(origin, roleIds, request),
    );
    const release = replySetups.hold(generation.id);
    let sent: Generation;
    try {
      try {
        const { messageId } = await reply.open(generation);
        // Stored at once: after a crash the reply is edited through the channel, not posted twice.
        if (messageId) generations.attachReply(generation.id, messageId);
      } catch (error) {
        generations.abort(generation, 'discord_unavailable');
        // Its wait closes too: no approval message may ever offer a request that was released.
        if (approvalChannelId) await approvals?.release(generation.id, 'unreachable');
        throw error;
      }
      if (approvalChannelId) {
        await outbox.deliver(generation);
        sent = generation;
      } else {
        sent = await submit(generation);
      }
    } finally {
      release();
    }
    if (approvalChannelId) await approvals?.show(generation.id);
    if (sent.state !== 'failed') {
      const summary = checks.summary(memberOf({ origin, roleIds }));
      await reply
        .noteCredits(request.credits, summary)
        .catch((error: unknown) => log.warn({ generationId: generation.id, err: error }, 'could not send the credits note'));
    }
    return sent;
  }

  /** The server's own key (or its lack of one) may stop any start, confirmed or approved. */
  function passKeyGate(guildId: string): void {
    const refusal = serverKeyGate?.(guildId);
    if (refusal) throw new UserFacingError(refusal);
  }

  /** Ends a request that holds credits but was never sent, and shows why. */
  async function endUnsent(generation: Generation, code: FailureCode): Promise<void> {
    generations.abort(generation, code);
    await outbox.deliver(generations.get(generation.id)!);
  }

  /**
   * The approved request, back on the start path: the server's key as it stands now (refused,
   * required or unreadable since the member asked), its image links, then the queue.
   * A request its key's lane can no longer send is released by the queue at once.
   */
  async function approve(generationId: number, moderator: ModeratorRef): Promise<ApprovalCheck> {
    if (!approvals) return { kind: 'unknown' };
    // Held before it turns queued, so the tick leaves it to this call.
    const release = replySetups.hold(generationId);
    try {
      const found = approvals.approve(generationId, moderator);
      if (found.kind !== 'open') return found;
      const { generation } = found;
      const keyRefusal = serverKeyGate?.(generation.guildId);
      if (keyRefusal) {
        await endUnsent(generation, releasedFor[keyRefusal]);
      } else if (generation.imageUrls.length > 0 && !(await imageLinks.allAnswer(generation.imageUrls))) {
        await endUnsent(generation, 'APPROVAL_IMAGES_EXPIRED');
      } else {
        await submit(generation);
      }
      return found;
    } finally {
      release();
      await approvals.show(generationId);
    }
  }

  const startGeneration = async (call: StartCall, reply: ReplyPort): Promise<StartOutcome> => {
    // Before anything else, confirmed or not: a key refused since the question was asked still stops it.
    passKeyGate(call.origin.guildId);
    if ((await decide(call, reply)) === 'asked') return { kind: 'asked' };
    const approvalChannelId = approvals?.channelFor(call.origin, call.roleIds, call.managesMessages ?? false) ?? null;
    const generation = await start(call, reply, approvalChannelId);
    return approvalChannelId ? { kind: 'awaiting', generation } : { kind: 'started', generation };
  };
  function precheck({ confirmed: _confirmed, alwaysAsk: _alwaysAsk, keptImages: _keptImages, ...start }: StartCall): void {
    passKeyGate(start.origin.guildId);
    blocklist.check(start.origin.guildId, [start.request.prompt, ...start.request.shotPrompts]);
    members.check(start);
    admit(checks, start, start.request.credits);
  }
  return Object.assign(startGeneration, { approve, precheck });
}
