import { RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import type { Generation } from '../domain/generation.js';
import type { ChannelPostResult, ChannelProblem, ModerationPosts } from '../domain/moderation/moderationPorts.js';
import { messageRequest } from './multipart.js';
import { postOnce } from './postOnce.js';
import type { MessageBody } from './render/generationMessage.js';
import { renderApprovalMessage, renderLogPost } from './render/moderationMessages.js';

import { jsonErrorCode as codeOf } from './restErrors.js';

const problems = new Map<number, ChannelProblem>([
  [RESTJSONErrorCodes.UnknownChannel, 'channel_gone'],
  [RESTJSONErrorCodes.MissingAccess, 'no_permission'],
  [RESTJSONErrorCodes.MissingPermissions, 'no_permission'],
]);

const toBase36 = (id: number) => id.toString(36);

/**
 * Posts and edits the moderators' messages by the channel route. A post carries a nonce per
 * generation and kind, so a retry after a lost answer shows one message; an edit of a message
 * someone deleted has nothing left to show, and counts as shown.
 */
export function createModerationPosts(rest: REST): ModerationPosts {
  async function show(channelId: string, body: MessageBody, messageId: string | null, nonce: string): Promise<ChannelPostResult> {
    try {
      if (messageId === null) return { kind: 'shown', messageId: await postOnce(rest, channelId, { body }, nonce) };
      await rest.patch(Routes.channelMessage(channelId, messageId), messageRequest(body, []));
      return { kind: 'shown', messageId };
    } catch (error) {
      const code = codeOf(error);
      if (messageId !== null && code === RESTJSONErrorCodes.UnknownMessage) return { kind: 'shown', messageId };
      const problem = code === undefined ? undefined : problems.get(code);
      if (problem) return { kind: 'unreachable', problem };
      throw error;
    }
  }

  return {
    showApproval: (channelId: string, generation: Generation, messageId: string | null) =>
      show(channelId, renderApprovalMessage(generation), messageId, `a${toBase36(generation.id)}`),
    showLog: (channelId: string, generation: Generation, messageId: string | null) =>
      show(channelId, renderLogPost(generation), messageId, `l${toBase36(generation.id)}`),
  };
}
