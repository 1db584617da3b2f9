import { isFinished, type Generation } from './generation.js';

/**
 * Discord limits edits of messages older than an hour (error 30046; how many is not published),
 * so a long video's reply keeps its edits for the result. Its reply is opened when the generation
 * is created, so the generation's age is the reply's.
 */
export const OLD_MESSAGE_MS = 60 * 60_000;

/** A change not worth one of an old reply's few edits: progress, not the result. */
export function isProgressOnOldReply(generation: Pick<Generation, 'state' | 'createdAt' | 'replyMessageId'>, now: Date): boolean {
  return !isFinished(generation) && generation.replyMessageId !== null && now.getTime() - generation.createdAt.getTime() >= OLD_MESSAGE_MS;
}
