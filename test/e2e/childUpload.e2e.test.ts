import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID } from '../support/botHarness.js';
import { killLeftoverChildren, lastLines, messagesShowing, startChildWorld, waitUntilAllDelivered, type ChildWorld } from '../support/childBot.js';
import type { FakeMessage } from '../support/fakeDiscord/index.js';

/**
 * The bot as a real process, killed while Discord takes a video upload: Discord keeps the file,
 * the bot never hears so, and the restarted bot must leave exactly one message holding the video.
 */
const MiB = 1024 * 1024;
const title = (message: FakeMessage | undefined) => (message?.embeds[0] as { title?: string } | undefined)?.title ?? '';
const withVideo = (messages: FakeMessage[]) => messages.filter((m) => !m.deleted && m.attachments.some((a) => a.filename.endsWith('.mp4')));

describe('the bot as a child process, killed during a video upload', () => {
  let world: ChildWorld;
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error(`last lines of the bot:\n${lastLines(world)}`);
    await killLeftoverChildren();
    await world?.close();
  });

  async function start(): Promise<void> {
    world = await startChildWorld({ env: { DEFAULT_BUDGET_PERIOD: 'unlimited' }, api: { shotDurationMs: 300, videoBytes: 3 * MiB } });
    await world.start();
  }

  /** Holds Discord's answer to the first upload, SIGKILLs the bot once Discord has applied it, and restarts. */
  async function killDuringUpload(): Promise<void> {
    world.discord.holdUploads(true);
    await world.discord.waitFor(() => world.discord.requests.some((r) => r.files.length > 0 && r.status === 200), 10_000);
    world.bot.kill('SIGKILL');
    await world.bot.exited;
    world.discord.holdUploads(false);
    await world.start();
  }

  it('edits the reply with the video once when killed as Discord took the upload', async () => {
    await start();
    const interaction = world.prompt('a lantern festival');
    await killDuringUpload();
    const db = await waitUntilAllDelivered(world);
    const shown = messagesShowing(world, db.generations[0]!.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.id).toBe(interaction.original()?.id);
    expect(title(shown[0])).toMatch(/ready/);
    expect(shown[0]!.attachments).toEqual([expect.objectContaining({ filename: 'veo-1.mp4', size: 3 * MiB })]);
    expect(withVideo(world.discord.channelMessages(CHANNEL_ID))).toHaveLength(1);
  });

  it('posts the replacement message with the video once when killed as Discord took it', async () => {
    await start();
    const interaction = world.prompt('a moth at a window');
    const generating = await world.discord.waitFor(() => /Generating/.test(title(interaction.original())) && interaction.original());
    world.discord.expireInteractionToken(interaction.id);
    world.discord.deleteMessage(CHANNEL_ID, generating.id);
    await killDuringUpload();
    await waitUntilAllDelivered(world);
    const posted = withVideo(world.discord.channelMessages(CHANNEL_ID));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.attachments).toHaveLength(1);
    expect(world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.deleted)).toHaveLength(1);
  });

  it('stops at once on SIGTERM while a download hangs, and a restart delivers the file', async () => {
    await start();
    world.api.injectVideoFault({ kind: 'hang' });
    world.prompt('a heron waiting');
    await world.discord.waitFor(() => world.api.videoRequests.length > 0, 10_000);
    const asked = Date.now();
    world.bot.kill('SIGTERM');
    expect(await world.bot.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - asked).toBeLessThan(5000);
    expect(world.bot.logs.some((e) => e.level === 'error')).toBe(false);
    await world.start();
    const db = await waitUntilAllDelivered(world);
    expect(messagesShowing(world, db.generations[0]!.id)[0]!.attachments).toHaveLength(1);
  });
});
