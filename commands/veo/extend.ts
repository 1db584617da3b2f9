import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { extensionRequest } from '../../src/domain/generationRequest.js';
import type { VideoActions } from '../../src/domain/videoActions.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { followUpWithFiles } from '../../src/discord/followUpFiles.js';
import { renderExtendModal, readExtendForm } from '../../src/discord/render/extendForm.js';
import { memberSpeaker } from '../../src/discord/replies.js';
import { translator } from '../../src/discord/words/catalogue.js';
import { localeOf } from '../../src/discord/words/locale.js';
import type { ButtonHandler, CommandDeps, ModalHandler } from '../command.js';
import { pressedResult } from './pressedResult.js';
import { askerOf } from './startFor.js';

/** Extend and Join need ffmpeg; without it their buttons are not shown, and an old one says why. */
const videosOf = (deps: CommandDeps): VideoActions => deps.videos ?? (() => { throw new UserFacingError('video_tools_off'); })();

/** What the server reads in the channel: the server's language. */
const serverSpeaker = (interaction: ButtonInteraction | ModalSubmitInteraction) => translator(localeOf(interaction.guildLocale));

/** Extend: the form must be the press's first answer, so only the quick lookup comes before it. */
export const extendButton: ButtonHandler = {
  prefix: customIdPrefixes.extend,
  async execute(interaction, subject, deps) {
    videosOf(deps);
    const { generation } = pressedResult(interaction, subject, deps);
    await interaction.showModal(renderExtendModal(generation, memberSpeaker(interaction)));
  },
};

/**
 * The next eight seconds, paid by whoever submits them as Again is. The original's last frame is
 * posted first, as a public follow-up that becomes the new reply, and its attachment's link is
 * the first frame of a one-shot request started the one way every request is.
 */
export const extendModal: ModalHandler = {
  prefix: customIdPrefixes.extend,
  async execute(interaction, subject, deps) {
    const videos = videosOf(deps);
    const { member, generation: original } = pressedResult(interaction, subject, deps);
    const text = readExtendForm(member);
    const asker = askerOf(member);
    // The cheap checks first: nothing is downloaded, made or posted for a request that would be refused.
    // The frame's link is not known yet, and no check reads it (an extension's duplicate key is the video it extends).
    deps.startGeneration.precheck({ ...asker, request: extensionRequest(original, text, ''), confirmed: false });
    // Known once the frame is posted: that message becomes the reply.
    const frameMessage = { messageId: '' };
    const reply = deps.replyPortFor(interaction, 'extend', frameMessage);
    // Downloading the video and taking its frame takes longer than Discord waits.
    await reply.acknowledge();
    const frame = await videos.extensionFrame(asker, original, new AbortController().signal);
    let posted;
    try {
      const file = { name: `veo-${original.id}-last-frame.png`, size: frame.size, content: frame.content };
      posted = await followUpWithFiles(interaction, serverSpeaker(interaction)('extend.frameNote', { id: original.id }), [file]);
    } finally {
      await frame.dispose();
    }
    // Whether the request was stored: from then on the frame is its reply, kept whatever happens.
    let stored = false;
    const storing: typeof reply = {
      ...reply,
      open: (generation) => {
        stored = true;
        return reply.open(generation);
      },
    };
    try {
      const frameUrl = posted.attachments[0]?.url;
      if (!frameUrl) throw new Error('Discord kept no attachment of the posted frame');
      frameMessage.messageId = posted.id;
      await deps.startGeneration({ ...asker, request: extensionRequest(original, text, frameUrl), confirmed: false }, storing);
    } catch (error) {
      // Refused before anything was stored: the frame is not left in the channel for a video that will not come.
      if (error instanceof UserFacingError && !stored) {
        await interaction.webhook.deleteMessage(posted.id).catch((deleteError: unknown) => deps.log.debug({ err: deleteError }, 'could not delete an extension frame'));
      }
      throw error;
    }
  },
};

/**
 * Join, on an extension: the original followed by it, made here (no credits, no API request) and
 * posted as a reply of its own, as a copy that fits when it is over the upload limit.
 */
export const joinButton: ButtonHandler = {
  prefix: customIdPrefixes.join,
  async execute(interaction, subject, deps) {
    const videos = videosOf(deps);
    const { generation: extension } = pressedResult(interaction, subject, deps);
    if (extension.extendsGenerationId === null) throw new UserFacingError('result_unknown', { id: extension.id });
    // Joining takes longer than Discord waits; the refusals after this are follow-ups.
    await interaction.deferUpdate();
    const joined = await videos.joined(extension, new AbortController().signal);
    try {
      const say = serverSpeaker(interaction);
      const parts = Math.max(0, ...joined.files.map((file) => file.copy?.parts ?? 0));
      const lines = [say('join.posted', { original: extension.extendsGenerationId, extension: extension.id }), ...(parts > 0 ? [say('video.smallerCopy', { parts })] : [])];
      await followUpWithFiles(interaction, lines.join('\n'), joined.files);
      deps.log.info({ generationId: extension.id, original: extension.extendsGenerationId, files: joined.files.length }, 'extension joined');
    } finally {
      await joined.dispose();
    }
  },
};
