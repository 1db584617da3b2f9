import type { Logger } from '../log.js';
import type { DeliveryOutbox } from './deliveryOutbox.js';
import type { Generation, Origin } from './generation.js';
import type { GenerationLifecycle } from './generationLifecycle.js';
import type { QuotaChecks } from './quota/quotaChecks.js';
import type { CreditsSummary } from './quota/types.js';
import type { ReplySetups } from './replySetups.js';
import type { SubmissionQueue } from './submissionQueue.js';
import type { VideoRequest } from './videoRequest.js';

/** Where a new generation is shown: the chat side of starting one, whatever asked for it. */
export interface ReplyPort {
  /** Opens the public reply that will show the generation; resolves with its message id when known. */
  open(generationId: number): Promise<{ messageId: string | null }>;
  /** Tells the member, privately, what the video costs and what they can still spend. */
  noteCredits(cost: number, summary: CreditsSummary): Promise<void>;
}

export interface StartRequest {
  origin: Origin;
  roleIds: readonly string[];
  request: VideoRequest;
}

export interface GenerationStarterDeps {
  generations: GenerationLifecycle;
  queue: SubmissionQueue;
  replySetups: ReplySetups;
  outbox: DeliveryOutbox;
  checks: QuotaChecks;
  log: Logger;
}

export type StartGeneration = (start: StartRequest, reply: ReplyPort) => Promise<Generation>;

/**
 * Starting a generation, the one way every command and button does it: reserve and store it
 * before answering (so a refusal stays private), open the public reply, submit or queue it, show
 * it. The poller does the rest.
 */
export function createGenerationStarter({ generations, queue, replySetups, outbox, checks, log }: GenerationStarterDeps): StartGeneration {
  return async ({ origin, roleIds, request }, reply) => {
    const generation = generations.create(origin, roleIds, request);
    const release = replySetups.hold(generation.id);
    let sent: Generation;
    try {
      try {
        const { messageId } = await reply.open(generation.id);
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
      const summary = checks.summary({ guildId: origin.guildId, userId: origin.userId, roleIds });
      await reply
        .noteCredits(request.credits, summary)
        .catch((error: unknown) => log.warn({ generationId: generation.id, err: error }, 'could not send the credits note'));
    }
    return sent;
  };
}
