import type { Generation } from '../generation.js';

/** Why the bot could not use a moderation channel: it is gone, or the bot may not see or post in it. */
export type ChannelProblem = 'channel_gone' | 'no_permission';

/** Discord took the post or edit (its message), or the channel cannot be used. */
export type ChannelPostResult = { kind: 'shown'; messageId: string } | { kind: 'unreachable'; problem: ChannelProblem };

/**
 * The moderators' side of Discord: the approval message and the log post of a generation, posted
 * when `messageId` is null and edited otherwise (an edit of a message someone deleted counts as
 * shown). Throws when it should be tried again later.
 */
export interface ModerationPosts {
  showApproval(channelId: string, generation: Generation, messageId: string | null): Promise<ChannelPostResult>;
  showLog(channelId: string, generation: Generation, messageId: string | null): Promise<ChannelPostResult>;
}
