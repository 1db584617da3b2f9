import {
  DiscordAPIError,
  HTTPError,
  RESTJSONErrorCodes,
  Routes,
  SnowflakeUtil,
  type REST,
  type RESTGetAPIChannelMessagesResult,
  type RESTPostAPIChannelMessageResult,
} from 'discord.js';
import type { Clock } from '../clock.js';
import { isFinished, type Generation } from '../domain/generation.js';
import type { Delivered, FilesRefused, Notifier } from '../domain/ports.js';
import type { VideoFile } from '../domain/videoFiles.js';
import type { Logger } from '../log.js';
import { openDirectMessage } from './directMessages.js';
import { postOnce } from './postOnce.js';
import { jsonErrorCode as codeOf } from './restErrors.js';
import { messageRequest } from './multipart.js';
import { renderGeneration, type MessageBody, type RenderOptions } from './render/generationMessage.js';

export interface DiscordNotifierDeps {
  rest: REST;
  applicationId: () => string;
  clock: Clock;
  tokenTtlMs: number;
  /** The bot has ffmpeg: finished videos offer Extend and Join. */
  videoTools?: boolean;
  log: Logger;
}

export type DiscordNotifier = Notifier & {
  /**
   * Interaction tokens live 15 minutes and are kept in memory only; after that the channel route is
   * used. The reply is the interaction's original response unless it is one of its follow-ups.
   */
  rememberInteraction(generationId: number, token: string, messageId?: string): void;
  /** Tokens kept: each is dropped once its generation's final state is shown, or once it expires. */
  interactionsHeld(): number;
};

const tokenGone = new Set<number>([RESTJSONErrorCodes.InvalidWebhookToken, RESTJSONErrorCodes.UnknownWebhook]);
const messageGone = new Set<number>([RESTJSONErrorCodes.UnknownMessage]);
const oldEditsSpent = new Set<number>([RESTJSONErrorCodes.MaximumNumberOfEditsToMessagesOlderThanOneHourReached]);
const channelClosed = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

// The reply is deferred within seconds of the generation's row being written.
const REPLY_LOOKBACK_MS = 60_000;

const isIn = (codes: Set<number>, error: unknown) => codes.has(codeOf(error) ?? -1);

/** Ends a delivery with files at whatever route Discord refused them; `deliverFiles` answers with the refusal. */
class FilesRefusedError extends Error {
  override readonly name = 'FilesRefusedError';
  constructor(readonly refusal: FilesRefused) {
    super(`Discord refused the video files: ${refusal.reason}`);
  }
}

/**
 * Discord refusing the files themselves: the message could still be sent with the link instead.
 * Editing its own message needs no permission but Attach Files for new files, so a 50013 there is
 * about them; on a new message it may as well mean the bot can no longer post there at all.
 */
function filesRefusal(error: unknown, route: 'edit' | 'post'): FilesRefused | undefined {
  const status = error instanceof DiscordAPIError || error instanceof HTTPError ? error.status : undefined;
  if (status === 413 || codeOf(error) === RESTJSONErrorCodes.RequestEntityTooLarge) return { kind: 'files_refused', reason: 'too_large' };
  if (route === 'edit' && codeOf(error) === RESTJSONErrorCodes.MissingPermissions) return { kind: 'files_refused', reason: 'no_permission' };
  return undefined;
}

/** A generation's message with the files sent along, rendered for each route. */
interface Outgoing {
  files: readonly VideoFile[];
  render(options?: RenderOptions): MessageBody;
}

const outgoing = (generation: Generation, files: readonly VideoFile[], videoTools: boolean): Outgoing => ({
  files,
  render: (options = {}) => renderGeneration(generation, { ...options, videoTools }, files),
});

/** With files, a refusal of the files ends the delivery (the link goes instead); otherwise the route decides. */
function unlessFilesRefused(message: Outgoing, error: unknown, route: 'edit' | 'post'): void {
  const refusal = message.files.length > 0 ? filesRefusal(error, route) : undefined;
  if (refusal) throw new FilesRefusedError(refusal);
}

/**
 * Shows a generation in Discord by the best route still open: the interaction webhook while its
 * token lives, then the bot's own edit of the reply, then a new message mentioning the member,
 * then a DM as the last resort.
 */
export function createDiscordNotifier({ rest, applicationId, clock, tokenTtlMs, videoTools = false, log }: DiscordNotifierDeps): DiscordNotifier {
  const tokens = new Map<number, { token: string; messageId: string; expiresAt: number }>();

  const liveToken = (generationId: number) => {
    const entry = tokens.get(generationId);
    if (entry && entry.expiresAt > clock.now().getTime()) return entry;
    tokens.delete(generationId);
    return undefined;
  };

  async function viaWebhook(generation: Generation, message: Outgoing, { token, messageId }: { token: string; messageId: string }): Promise<string | undefined> {
    try {
      const edited = (await rest.patch(Routes.webhookMessage(applicationId(), token, messageId), {
        ...messageRequest(message.render(), message.files),
        auth: false,
      })) as RESTPostAPIChannelMessageResult;
      return edited.id;
    } catch (error) {
      unlessFilesRefused(message, error, 'edit');
      if (!isIn(tokenGone, error) && !isIn(messageGone, error) && !isIn(channelClosed, error)) throw error;
      tokens.delete(generation.id);
      log.info({ generationId: generation.id, code: codeOf(error) }, 'interaction token no longer usable; using the channel');
      return undefined;
    }
  }

  async function viaChannelEdit(generation: Generation, message: Outgoing, messageId: string): Promise<string | undefined> {
    try {
      await rest.patch(Routes.channelMessage(generation.channelId, messageId), messageRequest(message.render(), message.files));
      return messageId;
    } catch (error) {
      unlessFilesRefused(message, error, 'edit');
      if (isIn(messageGone, error) || isIn(channelClosed, error)) return undefined;
      if (isIn(oldEditsSpent, error)) return afterOldEditsSpent(generation, message, messageId);
      throw error;
    }
  }

  /**
   * Discord takes no more edits of this old reply: a result is posted as a new reply to it (a
   * progress change is simply left unshown); a channel closed since falls through to a DM.
   */
  async function afterOldEditsSpent(generation: Generation, message: Outgoing, messageId: string): Promise<string | undefined> {
    log.info({ generationId: generation.id, messageId }, 'old reply takes no more edits');
    if (!isFinished(generation)) return messageId;
    const body = message.render({ ping: true });
    try {
      return await postOnce(rest, generation.channelId, { body, files: message.files, replyTo: messageId }, replacementNonce(generation));
    } catch (error) {
      unlessFilesRefused(message, error, 'post');
      if (isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  /**
   * A bot killed between deferring and storing the reply's id left a reply on "thinking…": Discord
   * still knows it by the interaction it answered, so it is found in the channel and edited.
   */
  async function findDeferredReply(generation: Generation): Promise<string | undefined> {
    if (!generation.interactionId) return undefined;
    const after = SnowflakeUtil.generate({ timestamp: generation.createdAt.getTime() - REPLY_LOOKBACK_MS }).toString();
    try {
      const messages = (await rest.get(Routes.channelMessages(generation.channelId), {
        query: new URLSearchParams({ after, limit: '100' }),
      })) as RESTGetAPIChannelMessagesResult;
      // Newest first; the reply is the first message its interaction made.
      return messages.findLast((message) => message.interaction_metadata?.id === generation.interactionId)?.id;
    } catch (error) {
      if (isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  const toBase36 = (id: string | number) => BigInt(id).toString(36);
  // At most 25 characters. A new channel message stands for the reply it replaces, whatever the
  // revision: a retry shows the same message, updated. Each revision is a DM of its own.
  const replacementNonce = (generation: Generation) => `v${toBase36(generation.id)}c${toBase36(generation.replyMessageId ?? 0)}`;
  const directNonce = (generation: Generation) => `v${toBase36(generation.id)}d${toBase36(generation.revision)}`;

  async function viaNewMessage(generation: Generation, message: Outgoing): Promise<string | undefined> {
    try {
      return await postOnce(rest, generation.channelId, { body: message.render({ ping: true }), files: message.files }, replacementNonce(generation));
    } catch (error) {
      unlessFilesRefused(message, error, 'post');
      if (isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  async function viaDirectMessage(generation: Generation, message: Outgoing): Promise<void> {
    const channelId = await openDirectMessage(rest, generation.userId);
    try {
      await postOnce(rest, channelId, { body: message.render({ directMessage: true }), files: message.files }, directNonce(generation));
    } catch (error) {
      unlessFilesRefused(message, error, 'post');
      throw error;
    }
  }

  /** Tries each route in turn; throws FilesRefusedError when Discord will not take the files. */
  async function show(generation: Generation, files: readonly VideoFile[]): Promise<Delivered> {
    const message = outgoing(generation, files, videoTools);
    const token = liveToken(generation.id);
    const viaToken = token ? await viaWebhook(generation, message, token) : undefined;
    if (viaToken) return { messageId: viaToken, path: 'webhook' };
    const replyId = generation.replyMessageId ?? (await findDeferredReply(generation));
    const edited = replyId ? await viaChannelEdit(generation, message, replyId) : undefined;
    // An old reply that took no more edits has its result posted as a reply to it.
    if (edited) return { messageId: edited, path: edited === replyId ? 'channel_edit' : 'new_message' };
    const posted = await viaNewMessage(generation, message);
    if (posted) return { messageId: posted, path: 'new_message' };
    log.warn({ generationId: generation.id, channelId: generation.channelId }, 'channel unreachable; sending a DM');
    await viaDirectMessage(generation, message);
    return { messageId: null, path: 'dm' };
  }

  /** A finished generation's final state is shown: nothing more goes through its token. */
  function shown(generation: Generation, delivered: Delivered): Delivered {
    if (isFinished(generation)) tokens.delete(generation.id);
    return delivered;
  }

  return {
    rememberInteraction(generationId, token, messageId = '@original') {
      const now = clock.now().getTime();
      for (const [id, entry] of tokens) if (entry.expiresAt <= now) tokens.delete(id);
      tokens.set(generationId, { token, messageId, expiresAt: now + tokenTtlMs });
    },

    deliver: async (generation) => shown(generation, await show(generation, [])),

    async deliverFiles(generation, files) {
      try {
        return shown(generation, await show(generation, files));
      } catch (error) {
        // The link goes next, through the token while it lives.
        if (error instanceof FilesRefusedError) return error.refusal;
        throw error;
      }
    },

    interactionsHeld: () => tokens.size,
  };
}
