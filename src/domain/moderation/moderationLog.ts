import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { ModerationRepo } from '../../../db/moderationRepo.js';
import type { Logger } from '../../log.js';
import { finishedStates } from '../generation.js';
import type { Clock } from '../ports.js';
import type { ModerationPosts } from './moderationPorts.js';

export interface ModerationLogDeps {
  repo: ModerationRepo;
  generations: GenerationRepo;
  posts: ModerationPosts;
  clock: Clock;
  log: Logger;
}

const BATCH = 10;

export type ModerationLog = ReturnType<typeof createModerationLog>;

/**
 * The moderators' log: each request made in a server with a log channel is posted there once it is
 * final (made, failed, denied, expired or cancelled), and the post is stored with its message, so
 * a restart never posts it twice. A removed result's post is edited to say so.
 */
export function createModerationLog({ repo, generations, posts, clock, log }: ModerationLogDeps) {
  async function postDue(stopping?: AbortSignal): Promise<void> {
    for (const { generationId, channelId } of repo.unlogged(finishedStates, BATCH)) {
      if (stopping?.aborted) return;
      const generation = generations.get(generationId)!;
      let result;
      try {
        result = await posts.showLog(channelId, generation, null);
      } catch (error) {
        // Discord is having trouble: the rest waits for the next tick.
        log.warn({ generationId, err: error }, 'could not post in the log channel; will retry');
        return;
      }
      if (result.kind === 'unreachable') {
        log.warn({ generationId, channelId, problem: result.problem }, 'cannot post in the log channel');
        repo.setProblem(generation.guildId, 'log', result.problem);
        return;
      }
      repo.recordLogPost({ generationId, channelId, messageId: result.messageId, postedAt: clock.now() });
    }
  }

  async function editDue(stopping?: AbortSignal): Promise<void> {
    for (const post of repo.logPostsToShow(BATCH)) {
      if (stopping?.aborted) return;
      const generation = generations.get(post.generationId)!;
      try {
        await posts.showLog(post.channelId, generation, post.messageId);
      } catch (error) {
        log.warn({ generationId: post.generationId, err: error }, 'could not edit a log post; will retry');
        return;
      }
      // An unreachable channel has nothing more to edit either.
      repo.markLogShown(post.generationId, post.revision);
    }
  }

  return {
    /** Posts what became final and edits what changed since. A tick step. */
    async runDue(stopping?: AbortSignal): Promise<void> {
      await postDue(stopping);
      await editDue(stopping);
    },
    /** A result was removed: its approval message and log post are edited to say so, without its prompt or images. */
    resultRemoved(generationId: number): void {
      repo.bumpApproval(generationId);
      repo.bumpLogPost(generationId);
    },
  };
}
