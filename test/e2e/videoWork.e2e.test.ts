import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, type FfmpegBinary } from '../../src/video/ffmpegProcess.js';
import { locateFfmpeg } from '../../src/video/ffmpegLocator.js';
import { member, startWorld, type BotWorld } from '../support/botHarness.js';
import { modalFields, type FakeInteraction, type FakeMessage, type FakeUser } from '../support/fakeDiscord/index.js';

type Button = { custom_id: string; label: string };
const buttonsOf = (message: FakeMessage) =>
  (message.components as { components: Button[] }[]).flatMap((row) => row.components).filter((button) => button.custom_id !== undefined);
const generates = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate');
/** Everything asked of the vendor but generate and check-status: the videos downloaded. */
const downloads = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'other').length;
const admin: FakeUser = { id: '200000000000000009', username: 'admin', roleIds: [], permissions: String(1n << 5n) };

let binary: FfmpegBinary;
let folder: string;
/** A real, playable video: a test picture with a tone; lossless noise makes it large for its size. */
let small: Buffer;
let noisy: Buffer;

async function make(name: string, picture: string, args: string[]): Promise<Buffer> {
  const path = join(folder, name);
  await ffmpeg(binary, ['-f', 'lavfi', '-i', picture, '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', ...args, '-c:a', 'aac', path]);
  return readFileSync(path);
}

beforeAll(async () => {
  const found = await locateFfmpeg({ configured: undefined });
  if (!found) throw new Error('no ffmpeg: the optional dependency @ffmpeg-installer/ffmpeg should have provided one');
  binary = { path: found.path, timeoutMs: 60_000 };
  folder = mkdtempSync(join(tmpdir(), 'veo-e2e-videos-'));
  small = await make('small.mp4', 'testsrc=size=128x72:rate=24', []);
  noisy = await make('noisy.mp4', 'testsrc=size=192x108:rate=24,noise=alls=40:allf=t', ['-qp', '0']);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The reply once its video is done: a waiting one carries buttons too (Cancel), a finished one has Details. */
async function finished(world: BotWorld, interaction: FakeInteraction): Promise<FakeMessage> {
  return world.discord.waitFor(() => interaction.publicReplies().find((reply) => !reply.deleted && buttonsOf(reply).some((b) => b.label === 'Details')));
}

function press(world: BotWorld, message: FakeMessage, label: string): FakeInteraction {
  const button = buttonsOf(message).find((b) => b.label === label);
  if (!button) throw new Error(`no button ${label} on ${JSON.stringify(message.components)}`);
  return world.discord.dispatchButton({ customId: button.custom_id, messageId: message.id, user: member });
}

describe('videos over the upload limit, Extend and Join, with the real ffmpeg', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('attaches a smaller copy of a video over the limit, says so, and keeps the Source link', async () => {
    const limit = 40 * 1024;
    expect(noisy.length).toBeGreaterThan(limit);
    world = await startWorld({ api: { videoContent: () => noisy }, discord: { attachmentSizeLimit: limit } });
    const command = world.prompt('a noisy test picture');
    const reply = await world.discord.waitFor(() => command.publicReplies().find((m) => m.attachments.length > 0), 20_000);
    expect(reply.content).toContain('A smaller copy of a larger original');
    expect(reply.attachments.every((file) => file.size <= limit)).toBe(true);
    const links = (reply.components as { components: { label: string; url?: string }[] }[]).flatMap((row) => row.components).filter((b) => b.url);
    expect(links.map((b) => b.label)).toEqual(['Source']);
  });

  it('Extend posts the last frame, starts one shot from it through the usual start, and Join puts the two together', async () => {
    world = await startWorld({ api: { videoContent: () => small } });
    const original = await finished(world, world.prompt('a heron fishing at dawn'));
    expect(buttonsOf(original).map((b) => b.label)).toEqual(['Again', 'Remix', 'Extend', 'Details', 'Delete']);

    const extend = press(world, original, 'Extend');
    const modal = await world.discord.waitFor(() => extend.modal());
    expect(modal.title).toBe('Extend video #1');
    expect(modalFields(modal)[0]!.component['value']).toBe('a heron fishing at dawn');
    const submitted = world.discord.submitModal({ interactionId: extend.id, values: { prompt: 'the heron takes off' } });
    const extension = await finished(world, submitted);
    // The frame was posted as the new reply's attachment (the finished video replaces it there); its link is the new shot's first frame.
    expect(extension.id).toBe(submitted.publicReplies()[0]!.id);
    const body = generates(world)[1]!.body as { shots: { generationType: string; prompt: string; imageUrls: string[] }[]; aspectRatio?: string };
    expect(body.shots).toEqual([expect.objectContaining({ generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO', prompt: 'the heron takes off' })]);
    expect(body.shots[0]!.imageUrls).toHaveLength(1);
    expect(decodeURIComponent(body.shots[0]!.imageUrls[0]!)).toMatch(/veo-1-last-frame\.png$/);

    const withJoin = await world.discord.waitFor(() => world.discord.channelMessages(extension.channelId).find((m) => m.id === extension.id && buttonsOf(m).some((b) => b.label === 'Join')));
    const join = press(world, withJoin, 'Join');
    const joined = await world.discord.waitFor(() => join.publicReplies().find((m) => m.attachments.length > 0));
    expect(joined.content).toBe('🔗 Video #1 followed by its extension #2, joined.');
    expect(joined.attachments.map((file) => file.filename)).toEqual(['veo-1-2.mp4']);
    // Joining spent nothing: still the two requests.
    expect(generates(world)).toHaveLength(2);
  });

  it('Extend on a video whose file is gone says so in one private sentence and starts nothing', async () => {
    world = await startWorld({ api: { videoContent: () => small } });
    const original = await finished(world, world.prompt('a fox in the snow'));
    world.api.injectVideoFault({ kind: 'status', status: 404 });
    const extend = press(world, original, 'Extend');
    await world.discord.waitFor(() => extend.modal());
    const submitted = world.discord.submitModal({ interactionId: extend.id, values: { prompt: 'the fox jumps' } });
    const [answer] = await world.discord.waitFor(() => submitted.ephemeralReplies().length > 0 && submitted.ephemeralReplies());
    expect(answer!.content).toBe('The video file of #1 is gone (its link expired and no copy was kept), so it cannot be extended or joined. Nothing was charged.');
    expect(submitted.publicReplies()).toEqual([]);
    expect(generates(world)).toHaveLength(1);
  });

  it('Extend refused by the cheap checks (a blocked word) downloads nothing and posts no frame', async () => {
    world = await startWorld({ api: { videoContent: () => small } });
    const original = await finished(world, world.prompt('a fox in the snow'));
    const block = world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'blocklist', type: 2, options: [{ name: 'add', type: 1, options: [{ name: 'words', type: 3, value: 'owl' }] }] }], user: admin, channelId: original.channelId });
    await world.discord.waitFor(() => block.ephemeralReplies().length > 0);
    const before = downloads(world);
    const extend = press(world, original, 'Extend');
    await world.discord.waitFor(() => extend.modal());
    const submitted = world.discord.submitModal({ interactionId: extend.id, values: { prompt: 'an owl lands' } });
    const [answer] = await world.discord.waitFor(() => submitted.ephemeralReplies().length > 0 && submitted.ephemeralReplies());
    expect(answer!.content).toContain('which this server does not allow');
    expect(submitted.publicReplies()).toEqual([]);
    expect(world.discord.channelMessages(original.channelId).filter((m) => m.attachments.some((a) => a.filename.endsWith('last-frame.png')))).toEqual([]);
    expect(downloads(world)).toBe(before);
    expect(generates(world)).toHaveLength(1);
  });

  it('a double submit of the Extend form is one request: the second is refused as a duplicate before its frame', async () => {
    world = await startWorld({ api: { videoContent: () => small }, env: { DUPLICATE_WINDOW_MS: '10000' } });
    const original = await finished(world, world.prompt('a heron fishing at dawn'));
    const first = press(world, original, 'Extend');
    await world.discord.waitFor(() => first.modal());
    const once = world.discord.submitModal({ interactionId: first.id, values: { prompt: 'the heron takes off' } });
    await world.discord.waitFor(() => once.publicReplies().length > 0 && generates(world).length === 2);
    const second = press(world, original, 'Extend');
    await world.discord.waitFor(() => second.modal());
    const twice = world.discord.submitModal({ interactionId: second.id, values: { prompt: 'the heron takes off' } });
    const [answer] = await world.discord.waitFor(() => twice.ephemeralReplies().length > 0 && twice.ephemeralReplies());
    expect(answer!.content).toContain('#2');
    expect(twice.publicReplies()).toEqual([]);
    await world.bot.tick();
    expect(generates(world)).toHaveLength(2);
  });
});
