import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, member, startWorld, type BotWorld } from '../support/botHarness.js';
import type { FakeMessage } from '../support/fakeDiscord/index.js';
import type { FakeVideoFault } from '../support/fakeVideos.js';

const MiB = 1024 * 1024;
const title = (message: FakeMessage | undefined) => (message?.embeds[0] as { title?: string } | undefined)?.title ?? '';
const ready = (message: FakeMessage | undefined) => /ready/.test(title(message)) && message;
// The link buttons; a result's own buttons (Again, Remix, …) sit in a row after them.
const buttons = (message: FakeMessage) =>
  (message.components as { components: { label: string; url?: string }[] }[]).flatMap((row) => row.components).filter((button) => button.url !== undefined);
const linkNote = /hosted by the video service and may expire/;
const fellBack = (world: BotWorld) => world.logs.filter((line) => line.includes('video shown as a link instead of a file'));
const uploads = (world: BotWorld) => world.discord.requests.filter((r) => r.files.length > 0);
// Quick retries and time-outs, so the faults below play out in well under a second.
const quick = { VIDEO_DOWNLOAD_TIMEOUT_MS: '300', VIDEO_DOWNLOAD_RETRIES: '2' };

describe('finished videos arrive as files', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('attaches a small video to the original reply: the embed stays, the vendor link becomes a Source button', async () => {
    world = await startWorld({ api: { videoBytes: 300_000 } });
    const interaction = world.prompt('a paper boat in the rain');
    const done = await world.discord.waitFor(() => ready(interaction.original()));
    const task = world.api.tasks()[0]!;
    expect(done.attachments).toEqual([expect.objectContaining({ filename: 'veo-1.mp4', size: 300_000 })]);
    expect(done.content).toBe('');
    expect(buttons(done)).toEqual([expect.objectContaining({ label: 'Source', url: task.videoUrl })]);
    expect((done.embeds[0] as { description: string }).description).toContain('a paper boat in the rain');
    expect(world.discord.channelMessages(CHANNEL_ID)).toHaveLength(1);
    // Through the interaction webhook, as multipart with the file.
    expect(uploads(world).map((r) => r.path)).toEqual([expect.stringMatching(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)]);
  });

  it('shows a video larger than the server’s upload limit as a link with a note, without downloading it all', async () => {
    world = await startWorld({ api: { videoBytes: 2 * MiB }, discord: { attachmentSizeLimit: 1 * MiB } });
    const interaction = world.prompt('a long train crossing a bridge');
    const done = await world.discord.waitFor(() => ready(interaction.original()));
    expect(done.attachments).toEqual([]);
    expect(done.content).toMatch(linkNote);
    expect(done.content).toContain(world.api.tasks()[0]!.videoUrl);
    expect(uploads(world)).toEqual([]);
    expect(fellBack(world)).toHaveLength(1);
  });

  it('shows the link when Discord refuses the file as too large (413, 40005) though the interaction allowed it', async () => {
    world = await startWorld({ api: { videoBytes: 2 * MiB }, discord: { attachmentSizeLimit: 8 * MiB, enforcedUploadLimit: 1 * MiB } });
    const interaction = world.prompt('a hummingbird');
    const done = await world.discord.waitFor(() => ready(interaction.original()));
    expect(done.attachments).toEqual([]);
    expect(done.content).toMatch(linkNote);
    expect(uploads(world).map((r) => r.status)).toEqual([413]);
  });

  it('shows the link, never downloading it, when the vendor links a loopback http address and ALLOW_PRIVATE_URLS is off', async () => {
    world = await startWorld({ env: { ALLOW_PRIVATE_URLS: 'false' } });
    const interaction = world.prompt('a kite over the dunes');
    const done = await world.discord.waitFor(() => ready(interaction.original()));
    expect(done.attachments).toEqual([]);
    expect(done.content).toMatch(linkNote);
    expect(done.content).toContain(world.api.tasks()[0]!.videoUrl);
    expect(world.api.videoRequests).toEqual([]);
    const refused = world.logs.map((line) => JSON.parse(line) as { level: string; msg: string; host?: string }).filter((entry) => entry.msg === 'refused to download a video link');
    expect(refused).toEqual([expect.objectContaining({ level: 'warn', host: '127.0.0.1' })]);
    expect(world.logs.some((line) => line.includes('ALLOW_PRIVATE_URLS is on'))).toBe(false);
  });

  it('warns at start when ALLOW_PRIVATE_URLS is on, as the tests have it', async () => {
    world = await startWorld();
    expect(world.logs.filter((line) => line.includes('ALLOW_PRIVATE_URLS is on') && line.includes('"level":"warn"'))).toHaveLength(1);
  });

  it('still attaches the file through the channel edit after the interaction token expired', async () => {
    world = await startWorld({ api: { shotDurationMs: 300 } });
    const interaction = world.prompt('a lighthouse in a storm');
    await world.discord.waitFor(() => /Generating/.test(title(interaction.original())));
    world.discord.expireInteractionToken(interaction.id);
    const done = await world.discord.waitFor(() => ready(interaction.original()));
    expect(done.attachments).toHaveLength(1);
    const accepted = uploads(world).filter((r) => r.status === 200);
    expect(accepted.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /channels/${CHANNEL_ID}/messages/${done.id}`]);
  });

  it('falls back to the link where the bot lacks Attach Files, and tells the operator once per server', async () => {
    world = await startWorld();
    world.discord.setChannelAccess(CHANNEL_ID, 'no-attach');
    for (const text of ['a fox', 'a second fox']) {
      const interaction = world.prompt(text);
      const done = await world.discord.waitFor(() => ready(interaction.original()));
      expect(done.attachments).toEqual([]);
      expect(done.content).toMatch(linkNote);
    }
    expect(world.logs.filter((line) => line.includes('re-invited'))).toHaveLength(1);
  });

  it('attaches the concatenated video of a multi-shot request as one file', async () => {
    // Shots this quick are all done by the first poll, which then brings the whole video's link.
    world = await startWorld({ api: { concatenatedUrl: true, shotDurationMs: 20 }, env: { CONFIRM_THRESHOLD: '1000' } });
    const interaction = world.prompt('a seed || a sprout || a tree');
    const done = await world.discord.waitFor(() => /ready/.test(title(interaction.original())) && interaction.original()!.attachments.length > 0 && interaction.original());
    expect(done.attachments.map((a) => a.filename)).toEqual(['veo-1.mp4']);
    expect(done.content).toBe('');
  });

  it('attaches the shots in order, as many as one message holds, and links the rest', async () => {
    world = await startWorld({ api: { shotDurationMs: 100 }, env: { CONFIRM_THRESHOLD: '1000' } });
    const interaction = world.prompt(Array.from({ length: 12 }, (_, i) => `shot ${i + 1}`).join(' || '));
    const done = await world.discord.waitFor(() => ready(interaction.original()), 10_000);
    expect(done.attachments.map((a) => a.filename)).toEqual(Array.from({ length: 10 }, (_, i) => `veo-1-shot-${i + 1}.mp4`));
    const links = world.api.tasks().map((t) => t.videoUrl!);
    expect(done.content).toMatch(/^Shots 1–10 are attached; the other 2 did not fit/);
    expect(done.content).toContain(links[10]);
    expect(done.content).toContain(links[11]);
    expect(buttons(done).map((b) => b.label)).toEqual(['Source 1', 'Source 2', 'Source 3', 'Source 4', 'Source 5']);
  }, 20_000);

  const faults: { name: string; fault: FakeVideoFault; times: number; downloads: number }[] = [
    { name: 'a 404 from the vendor', fault: { kind: 'status', status: 404 }, times: 1, downloads: 1 },
    { name: 'an HTML page served as video/mp4', fault: { kind: 'html' }, times: 1, downloads: 1 },
    { name: 'more bytes than its content-length', fault: { kind: 'longerThanDeclared' }, times: 1, downloads: 1 },
    { name: 'a 500 every time', fault: { kind: 'status', status: 500 }, times: 10, downloads: 3 },
    { name: 'a download that hangs every time', fault: { kind: 'hang' }, times: 10, downloads: 3 },
    { name: 'a connection cut half-way every time', fault: { kind: 'cutShort' }, times: 10, downloads: 3 },
  ];
  it.each(faults)('falls back to the link after $name, logged once, with no retry storm', async ({ fault, times, downloads }) => {
    world = await startWorld({ env: quick });
    world.api.injectVideoFault(fault, times);
    const interaction = world.prompt('a windmill');
    const done = await world.discord.waitFor(() => ready(interaction.original()), 10_000);
    expect(done.attachments).toEqual([]);
    expect(done.content).toMatch(linkNote);
    expect(world.api.videoRequests).toHaveLength(downloads);
    expect(fellBack(world)).toHaveLength(1);
    expect(world.bot.client.isReady()).toBe(true);
  });

  it('retries a vendor 5xx and attaches the file once the vendor recovers', async () => {
    world = await startWorld({ env: quick });
    world.api.injectVideoFault({ kind: 'status', status: 503 }, 1);
    const interaction = world.prompt('a windmill at dusk');
    const done = await world.discord.waitFor(() => (interaction.original()?.attachments.length ?? 0) > 0 && interaction.original());
    expect(done.content).toBe('');
    expect(world.api.videoRequests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('lets a hanging download hold back nothing but itself: other replies, polls and files go on', async () => {
    world = await startWorld({ env: { VIDEO_FILE_CONCURRENCY: '1', VIDEO_DOWNLOAD_TIMEOUT_MS: '4000', VIDEO_DOWNLOAD_RETRIES: '0' } });
    world.api.injectVideoFault({ kind: 'hang' });
    const stuck = world.prompt('a video whose download hangs');
    await world.discord.waitFor(() => world.api.videoRequests.length === 1);
    const next = world.prompt('a video made meanwhile');
    // Its reply is deferred, edited to "Generating", polled and found ready while the download hangs.
    await world.discord.waitFor(() => /Generating/.test(title(next.original())));
    await world.discord.waitFor(() => world.api.tasks().every((t) => t.state === 'completed') && world.api.requests.filter((r) => r.endpoint === 'check-status').length >= 2);
    expect(stuck.original()?.attachments).toEqual([]);
    // Once the hung download times out, its video goes as a link and the pool takes the next file.
    const linked = await world.discord.waitFor(() => ready(stuck.original()), 8000);
    expect(linked.content).toMatch(linkNote);
    const attached = await world.discord.waitFor(() => (next.original()?.attachments.length ?? 0) > 0 && next.original(), 8000);
    expect(title(attached)).toMatch(/ready/);
  }, 20_000);

  it('shows only links when file delivery is switched off', async () => {
    world = await startWorld({ env: { VIDEO_FILES: 'off' } });
    const interaction = world.prompt('a quiet pond');
    const done = await world.discord.waitFor(() => ready(interaction.original()));
    expect(done.attachments).toEqual([]);
    expect(done.content).toMatch(linkNote);
    expect(world.api.videoRequests).toEqual([]);
  });

  it('keeps the file in the new message when the reply was deleted', async () => {
    world = await startWorld({ api: { shotDurationMs: 300 } });
    const interaction = world.prompt('a slow sunrise');
    const generating = await world.discord.waitFor(() => /Generating/.test(title(interaction.original())) && interaction.original());
    world.discord.expireInteractionToken(interaction.id);
    world.discord.deleteMessage(CHANNEL_ID, generating.id);
    const posted = await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => !m.deleted && m.attachments.length > 0));
    expect(posted.content).toBe(`<@${member.id}> here is the video you asked for:`);
    expect(posted.mentionedUserIds).toEqual([member.id]);
  });
});
