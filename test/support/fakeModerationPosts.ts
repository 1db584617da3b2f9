import type { Generation } from '../../src/domain/generation.js';
import type { ChannelPostResult, ChannelProblem, ModerationPosts } from '../../src/domain/moderation/moderationPorts.js';

/** One post or edit the domain asked of Discord, with what the generation looked like then. */
export interface RecordedPost {
  kind: 'approval' | 'log';
  channelId: string;
  generation: Generation;
  /** null for a new post. */
  messageId: string | null;
}

/**
 * The moderators' side of Discord for domain tests: it records every post and edit, gives each new
 * post a message id, and can be told that a channel is unusable or that Discord is down.
 */
export function createFakeModerationPosts() {
  const posts: RecordedPost[] = [];
  const unusable = new Map<string, ChannelProblem>();
  let down = false;
  let next = 900_000_000_000_000_000n;

  const show = (kind: RecordedPost['kind']) => async (channelId: string, generation: Generation, messageId: string | null): Promise<ChannelPostResult> => {
    if (down) throw new Error('Discord is down');
    const problem = unusable.get(channelId);
    if (problem) return { kind: 'unreachable', problem };
    posts.push({ kind, channelId, generation: structuredClone(generation), messageId });
    next += 1n;
    return { kind: 'shown', messageId: messageId ?? String(next) };
  };

  const port: ModerationPosts = { showApproval: show('approval'), showLog: show('log') };
  return {
    port,
    posts,
    of: (kind: RecordedPost['kind']) => posts.filter((post) => post.kind === kind),
    setUnusable(channelId: string, problem: ChannelProblem | null) {
      if (problem) unusable.set(channelId, problem);
      else unusable.delete(channelId);
    },
    setDown(value: boolean) {
      down = value;
    },
  };
}
