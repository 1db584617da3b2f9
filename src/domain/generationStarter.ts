import type { Logger } from '../log.js';
import type { DeliveryOutbox } from './deliveryOutbox.js';
import type { UserFacingError } from './errors.js';
import type { Generation, Origin } from './generation.js';
import type { GenerationLifecycle } from './generationLifecycle.js';
import type { ImageLinks } from './ports.js';
import type { QuotaChecks } from './quota/quotaChecks.js';
import type { CreditsSummary, MemberRef } from './quota/types.js';
import type { ReplySetups } from './replySetups.js';
import type { SubmissionQueue } from './submissionQueue.js';
import type { VideoRequest } from './videoRequest.js';

/** Who asks: the member pays, and their roles may raise their cap. */
export interface Asker {
  origin: Origin;
  roleIds: readonly string[];
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

export type StartOutcome = { kind: 'started'; generation: Generation } | { kind: 'asked' };

export type StartGeneration = (call: StartCall, reply: ReplyPort) => Promise<StartOutcome>;

export interface GenerationStarterDeps {
  generations: Pick<GenerationLifecycle, 'create' | 'attachReply' | 'abort'>;
  queue: Pick<SubmissionQueue, 'start'>;
  replySetups: Pick<ReplySetups, 'hold'>;
  outbox: Pick<DeliveryOutbox, 'deliver'>;
  checks: Pick<QuotaChecks, 'check' | 'summary'>;
  imageLinks: ImageLinks;
  /** Throws when the server may not start a video because of its own key (or its lack of one). */
  serverKeyGate?: (guildId: string) => void;
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
 * Starting a generation, the one way every command and button does it. Unconfirmed, the quota must
 * allow it, kept images must still answer (Discord's links expire after about a day), and a
 * request at or over the server's threshold asks its member first. Kept images are checked over
 * the network, so such a call is acknowledged before anything else, and the links are checked
 * last: a member the quota refuses never makes the bot fetch them. Then: reserve and store it
 * before answering (so a refusal stays private), open the public reply, submit or queue it, show
 * it. The poller does the rest.
 */
export function createGenerationStarter({ generations, queue, replySetups, outbox, checks, imageLinks, serverKeyGate, log }: GenerationStarterDeps): StartGeneration {
  async function decide({ confirmed, alwaysAsk = false, keptImages, ...start }: StartCall, reply: ReplyPort): Promise<'start' | 'asked'> {
    if (confirmed) return 'start';
    // Checking a link takes up to two requests of 1.5 s each; Discord waits 3 s for an answer.
    if (keptImages) await reply.acknowledge();
    const { remainingAfter, needsConfirmation } = admit(checks, start, start.request.credits);
    if (keptImages && keptImages.urls.length > 0 && !(await imageLinks.allAnswer(keptImages.urls))) throw keptImages.expired;
    if (!needsConfirmation && !alwaysAsk) return 'start';
    await reply.askToConfirm(start, remainingAfter);
    return 'asked';
  }

  async function start({ origin, roleIds, request }: StartRequest, reply: ReplyPort): Promise<Generation> {
    const generation = generations.create(origin, roleIds, request);
    const release = replySetups.hold(generation.id);
    let sent: Generation;
    try {
      try {
        const { messageId } = await reply.open(generation);
        // Stored at once: after a crash the reply is edited through the channel, not posted twice.
        if (messageId) generations.attachReply(generation.id, messageId);
      } catch (error) {
        generations.abort(generation, 'discord_unavailable');
        throw error;
      }
      sent = await queue.start(generation);
      await outbox.deliver(sent);
    } finally {
      release();
    }
    if (sent.state !== 'failed') {
      const summary = checks.summary(memberOf({ origin, roleIds }));
      await reply
        .noteCredits(request.credits, summary)
        .catch((error: unknown) => log.warn({ generationId: generation.id, err: error }, 'could not send the credits note'));
    }
    return sent;
  }

  return async (call, reply) => {
    // Before anything else, confirmed or not: a key refused since the question was asked still stops it.
    serverKeyGate?.(call.origin.guildId);
    if ((await decide(call, reply)) === 'asked') return { kind: 'asked' };
    return { kind: 'started', generation: await start(call, reply) };
  };
}
