import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, GUILD_ID, member, startWorld, type BotWorld } from '../support/botHarness.js';
import { modalFields, type FakeInteraction, type FakeMessage, type FakeUser } from '../support/fakeDiscord/index.js';

type Button = { custom_id: string; label: string };
type Embed = { title: string; description: string; fields?: { name: string; value: string }[] };
// A result's own buttons, without the link buttons to an attached video's source.
const buttonsOf = (message: FakeMessage) =>
  (message.components as { components: Button[] }[]).flatMap((row) => row.components).filter((button) => button.custom_id !== undefined);
const embedOf = (message: FakeMessage) => message.embeds[0] as Embed;
const generates = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate');

const bob: FakeUser = { id: '200000000000000002', username: 'bob', roleIds: [], permissions: '0' };
const moderator: FakeUser = { id: '200000000000000003', username: 'mod', roleIds: [], permissions: String(1n << 13n) };

/** What the ledger holds per member: reserved (positive) and settled/refunded rows, summed. */
function ledgerOf(world: BotWorld): Record<string, number> {
  const db = new Database(world.databasePath, { readonly: true });
  try {
    const rows = db.prepare("select user_id as userId, sum(credits) as total from credit_ledger where kind = 'reserve' group by user_id").all() as { userId: string; total: number }[];
    return Object.fromEntries(rows.map((row) => [row.userId, row.total]));
  } finally {
    db.close();
  }
}

/**
 * A finished reply with its buttons, from a `/veo prompt` (or any interaction that shows a
 * generation): its public reply, or the public follow-up of a button that acknowledged first.
 */
async function finished(world: BotWorld, interaction: FakeInteraction): Promise<FakeMessage> {
  return world.discord.waitFor(() => interaction.publicReplies().find((reply) => !reply.deleted && buttonsOf(reply).length > 0));
}

function press(world: BotWorld, message: FakeMessage, label: string, user: FakeUser = member): FakeInteraction {
  const button = buttonsOf(message).find((b) => b.label === label);
  if (!button) throw new Error(`no button ${label} on ${JSON.stringify(message.components)}`);
  return world.discord.dispatchButton({ customId: button.custom_id, messageId: message.id, user });
}

/** The one private message an interaction was answered with (its reply, or a follow-up after it acknowledged); nothing public. */
async function privateAnswer(world: BotWorld, interaction: FakeInteraction): Promise<string> {
  const [answer] = await world.discord.waitFor(() => interaction.ephemeralReplies().length > 0 && interaction.ephemeralReplies());
  expect(interaction.publicReplies()).toEqual([]);
  return answer!.content;
}

describe("a result's buttons end to end", () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('Again makes the same video in a reply of its own, paid by whoever pressed it', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a heron fishing at dawn', [{ name: 'aspect', type: 3, value: '9:16' }]));
    expect(buttonsOf(reply).map((b) => [b.label, b.custom_id])).toEqual([
      ['Again', 'veo-again:1'],
      ['Remix', 'veo-remix:1'],
      ['Extend', 'veo-extend:1'],
      ['Details', 'veo-details:1'],
      ['Delete', 'veo-delete:1'],
    ]);

    const again = press(world, reply, 'Again', bob);
    const second = await finished(world, again);
    expect(second.id).not.toBe(reply.id);
    expect(second.ephemeral).toBe(false);
    expect(embedOf(second).title).toBe('✅ Your video is ready');
    expect(generates(world)).toHaveLength(2);
    const body = generates(world)[1]!.body as { shots: { prompt: string; aspectRatio: string }[] };
    expect(body.shots).toEqual([expect.objectContaining({ prompt: 'a heron fishing at dawn', aspectRatio: '9:16' })]);
    expect(ledgerOf(world)).toEqual({ [member.id]: 10, [bob.id]: 10 });
    // The presser hears what it cost them, privately.
    expect(again.followups().some((m) => m.ephemeral && m.content.includes('10 credits'))).toBe(true);
    // The press was acknowledged without touching the message it was on: that still shows video #1.
    const pressedOn = world.discord.channelMessages(CHANNEL_ID).find((m) => m.id === reply.id)!;
    expect(buttonsOf(pressedOn).map((b) => b.custom_id)).toEqual(['veo-again:1', 'veo-remix:1', 'veo-extend:1', 'veo-details:1', 'veo-delete:1']);
    expect(buttonsOf(second).map((b) => b.custom_id)).toEqual(['veo-again:2', 'veo-remix:2', 'veo-extend:2', 'veo-details:2', 'veo-delete:2']);
    // The new reply is a follow-up, edited through the interaction by its own id.
    const edits = world.discord.requests.filter((r) => r.method === 'PATCH' && r.path.includes(again.token));
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((r) => r.path.endsWith(`/messages/${second.id}`) && r.status === 200)).toBe(true);
  });

  it('Again at or over the confirmation threshold asks the presser first, and charges nothing until they confirm', async () => {
    world = await startWorld();
    const command = world.prompt('a glacier at noon', [{ name: 'resolution', type: 3, value: '4k' }]);
    const asked = await world.discord.waitFor(() => command.ephemeralReplies().find((m) => buttonsOf(m).length > 0));
    const reply = await finished(world, press(world, asked, 'Make it (30 credits)'));
    const ledger = ledgerOf(world);
    const again = press(world, reply, 'Again', bob);
    const question = await world.discord.waitFor(() => again.ephemeralReplies().find((m) => buttonsOf(m).length > 0));
    expect(embedOf(question).title).toBe('Make this 30 credits video?');
    expect(ledgerOf(world)).toEqual(ledger);
    expect(generates(world)).toHaveLength(1);
    const confirm = press(world, question, 'Make it (30 credits)', bob);
    await finished(world, confirm);
    expect(ledgerOf(world)).toEqual({ [member.id]: 30, [bob.id]: 30 });
    // The question loses its buttons once answered; the result it was asked from keeps its own.
    await world.discord.waitFor(() => again.ephemeralReplies().every((m) => buttonsOf(m).length === 0));
    expect(buttonsOf(world.discord.channelMessages(CHANNEL_ID).find((m) => m.id === reply.id)!).map((b) => b.custom_id)[0]).toBe('veo-again:1');
  });

  it('Again on a video whose images expired says so privately and sends nothing', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('the fox runs', [{ name: 'image', type: 11, value: 'fox.png' }], [{ filename: 'fox.png' }]));
    world.discord.expireAttachments();
    const again = press(world, reply, 'Again');
    expect(await privateAnswer(world, again)).toBe(
      'The images of video #1 have expired, so it cannot be made again as it was. Use Remix to upload new images, or start a new prompt. Nothing was charged.',
    );
    expect(generates(world)).toHaveLength(1);
    expect(ledgerOf(world)).toEqual({ [member.id]: 10 });
  });

  it('Remix opens the request prefilled and sends the edited prompt, with the original images when they still answer', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a red kite\nover the hills', [{ name: 'image', type: 11, value: 'kite.png' }], [{ filename: 'kite.png' }]));
    // Its author: only they may send the original images again.
    const remix = press(world, reply, 'Remix');
    const modal = await world.discord.waitFor(() => remix.modal());
    expect(modal.title).toBe('Remix video #1');
    const fields = modalFields(modal);
    expect(fields.map((f) => [f.label, f.type, f.customId])).toEqual([
      ['Prompt', 4, 'prompt'],
      ['Aspect ratio', 3, 'aspect'],
      ['Resolution', 3, 'resolution'],
      ['New images (optional)', 19, 'images'],
    ]);
    expect(fields[0]!.component['value']).toBe('a red kite\nover the hills');
    expect((fields[2]!.component['options'] as { value: string; default: boolean }[]).find((o) => o.default)?.value).toBe('720p');

    const submitted = world.discord.submitModal({ interactionId: remix.id, values: { prompt: 'a blue kite\nover the sea', resolution: '1080p' } });
    await finished(world, submitted);
    const body = generates(world)[1]!.body as { resolution: string; shots: { prompt: string; imageUrls?: string[] }[] };
    expect(body.resolution).toBe('1080p');
    expect(body.shots).toHaveLength(1);
    expect(body.shots[0]!.prompt).toBe('a blue kite\nover the sea');
    expect(body.shots[0]!.imageUrls?.map((url) => decodeURIComponent(url.split('/').at(-1)!))).toEqual(['kite.png']);
    expect(ledgerOf(world)).toEqual({ [member.id]: 24 });
  });

  it('Remix after the images expired asks for new ones, and takes uploaded ones instead', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a paper boat', [{ name: 'image', type: 11, value: 'boat.png' }], [{ filename: 'boat.png' }]));
    world.discord.expireAttachments();
    const first = press(world, reply, 'Remix');
    await world.discord.waitFor(() => first.modal());
    const kept = world.discord.submitModal({ interactionId: first.id, values: { prompt: 'a paper boat in the rain' } });
    expect(await privateAnswer(world, kept)).toMatch(/^The original images of video #1 have expired\. Open Remix again and upload new images/);
    expect(generates(world)).toHaveLength(1);

    const second = press(world, reply, 'Remix');
    await world.discord.waitFor(() => second.modal());
    const replaced = world.discord.submitModal({ interactionId: second.id, values: { prompt: 'a paper boat in the rain' }, files: { images: [{ filename: 'rain.png' }] } });
    await finished(world, replaced);
    const body = generates(world)[1]!.body as { shots: { prompt: string; imageUrls?: string[] }[] };
    expect(body.shots[0]!.imageUrls?.map((url) => decodeURIComponent(url.split('/').at(-1)!))).toEqual(['rain.png']);
  });

  it('Details shows privately every shot with its task id, the cost and who asked', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a kite || a storm'));
    const details = press(world, reply, 'Details', bob);
    await world.discord.waitFor(() => details.callbacks.length > 0);
    const page = (details.callbacks[0]!.data as { embeds: Embed[]; flags: number });
    expect(page.flags).toBe(64);
    const taskIds = world.api.tasks().map((task) => task.taskId);
    expect(taskIds).toHaveLength(2);
    for (const taskId of taskIds) expect(page.embeds[0]!.description).toContain(taskId);
    expect(page.embeds[0]!.description).toContain(`**Asked by** <@${member.id}>`);
    expect(page.embeds[0]!.description).toContain('**Cost** 20 credits charged, 0 credits refunded');
  });

  it('Details longer than one message goes on in more private messages, none cut', async () => {
    world = await startWorld();
    const shots = Array.from({ length: 21 }, (_, i) => `shot ${i + 1} `.padEnd(180, 'x'));
    const command = world.prompt(shots.join('||'));
    await world.discord.waitFor(() => command.ephemeralReplies().find((m) => buttonsOf(m).length > 0));
    const question = command.ephemeralReplies().find((m) => buttonsOf(m).length > 0)!;
    const reply = await finished(world, press(world, question, 'Make it (210 credits)'));
    const details = press(world, reply, 'Details');
    const pages = await world.discord.waitFor(() => {
      const all = details.ephemeralReplies();
      const title = (all[0]?.embeds[0] as Embed | undefined)?.title ?? '';
      const total = Number(/\/(\d+)\)$/.exec(title)?.[1] ?? 0);
      return total > 1 && all.length === total && all;
    });
    const text = pages.map((page) => embedOf(page).description).join('\n');
    for (const shot of shots) expect(text).toContain(shot);
  });

  it('Delete is refused to a stranger, done for the author; no credit moves and nothing is posted again', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a lantern festival'));
    const ledger = ledgerOf(world);

    const stranger = press(world, reply, 'Delete', bob);
    expect(await privateAnswer(world, stranger)).toBe('Only the member who asked for video #1, or someone with Manage Messages, can remove it. Nothing was changed.');
    expect(world.discord.channelMessages(CHANNEL_ID).find((m) => m.id === reply.id)!.deleted).toBe(false);

    // The Remix form was open when the video was removed: its submission is refused.
    const remix = press(world, reply, 'Remix');
    await world.discord.waitFor(() => remix.modal());
    // Two quick presses, before the message is gone: one removes it, the other hears it already was.
    const author = press(world, reply, 'Delete');
    const twice = press(world, reply, 'Delete', moderator);
    expect([await privateAnswer(world, author), await privateAnswer(world, twice)]).toEqual([
      'Removed video #1. It stays in /veo status, marked as removed; no credits moved.',
      'Video #1 was removed, so nothing was done and nothing was charged.',
    ]);
    await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => m.id === reply.id)!.deleted);
    expect(ledgerOf(world)).toEqual(ledger);
    const late = world.discord.submitModal({ interactionId: remix.id, values: { prompt: 'a lantern festival in the rain' } });
    expect(await privateAnswer(world, late)).toBe('Video #1 was removed, so nothing was done and nothing was charged.');
    const status = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'status', type: 1 }], user: member, channelId: CHANNEL_ID });
    await world.discord.waitFor(() => status.callbacks.length > 0);
    const list = (status.callbacks[0]!.data as { embeds: Embed[] }).embeds[0]!.description;
    expect(list).toMatch(/^\*\*#1\*\* ✅ done · 🗑️ removed <t:\d+:R> · /);

    await world.restart();
    await world.discord.waitForReady();
    await world.bot.tick();
    expect(world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.deleted && !m.ephemeral)).toEqual([]);
    expect(generates(world)).toHaveLength(1);
  });

  it('a button naming a video the bot does not know answers so privately, and does nothing', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a kite'));
    for (const customId of ['veo-again:999', 'veo-details:abc', 'veo-delete:999', 'veo-remix:999']) {
      const press = world.discord.dispatchButton({ customId, messageId: reply.id, user: bob });
      expect(await privateAnswer(world, press)).toMatch(/^The bot has no video #\d+, so nothing was done and nothing was charged\.$/);
    }
    expect(generates(world)).toHaveLength(1);
    expect(ledgerOf(world)).toEqual({ [member.id]: 10 });
  });

  it("a result's button on a message that is not its own, outside its channel, is refused privately and does nothing", async () => {
    const OTHER_CHANNEL = '300000000000000002';
    world = await startWorld({
      discord: { guilds: [{ id: GUILD_ID, name: 'Test Server', channels: [{ id: CHANNEL_ID, name: 'videos' }, { id: OTHER_CHANNEL, name: 'elsewhere' }] }] },
    });
    const first = await finished(world, world.prompt('a kite'));
    const elsewhere = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'prompt', type: 1, options: [{ name: 'text', type: 3, value: 'a boat' }] }], user: member, channelId: OTHER_CHANNEL });
    const second = await finished(world, elsewhere);
    const ledger = ledgerOf(world);
    // Video #1's buttons, pressed on video #2's message in another channel.
    for (const customId of ['veo-again:1', 'veo-details:1', 'veo-delete:1', 'veo-remix:1']) {
      const forged = world.discord.dispatchButton({ customId, messageId: second.id, user: member });
      expect(await privateAnswer(world, forged)).toBe("These buttons work only on video #1's own message; nothing was done and nothing was charged.");
    }
    expect(generates(world)).toHaveLength(2);
    expect(ledgerOf(world)).toEqual(ledger);
    expect(world.discord.channelMessages(CHANNEL_ID).find((m) => m.id === first.id)!.deleted).toBe(false);
    // On its own message the button still works.
    expect(await privateAnswer(world, press(world, first, 'Delete'))).toMatch(/^Removed video #1\./);
  });

  it('a moderator with Manage Messages may delete any result', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a quiet harbour'));
    expect(await privateAnswer(world, press(world, reply, 'Delete', moderator))).toMatch(/^Removed video #1\./);
    await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => m.id === reply.id)!.deleted);
  });

  it('a button on a message from before a restart still works', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a snowy owl'));
    await world.restart();
    await world.discord.waitForReady();
    const again = press(world, reply, 'Again');
    await finished(world, again);
    expect(generates(world)).toHaveLength(2);
  });

  it('a failed video offers Try again and Details', async () => {
    world = await startWorld({ api: { outcome: () => ({ status: 'failed', error: 'Video generation failed' }) } });
    const reply = await finished(world, world.prompt('an impossible video'));
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(['Try again', 'Details']);
  });
});

describe('a 5-line story end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('makes one generate with 5 shots, and its reply shows each shot done, generating or waiting', async () => {
    world = await startWorld({ api: { shotDurationMs: 300 } });
    const command = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'story', type: 1 }], user: member, channelId: CHANNEL_ID });
    await world.discord.waitFor(() => command.modal());
    const shots = ['a fox wakes', 'it follows tracks', 'it reaches a lake', 'an owl watches', 'night falls'];
    const submitted = world.discord.submitModal({ interactionId: command.id, values: { shots: shots.join('\n') } });
    const question = await world.discord.waitFor(() => submitted.ephemeralReplies().find((m) => buttonsOf(m).length > 0));
    const confirm = press(world, question, 'Make it (50 credits)');
    const reply = await finished(world, confirm);

    expect(generates(world)).toHaveLength(1);
    expect((generates(world)[0]!.body as { shots: { prompt: string }[] }).shots.map((s) => s.prompt)).toEqual(shots);
    const progress = (reply.bodies as { embeds?: Embed[] }[])
      .map((body) => body.embeds?.[0]?.fields?.find((f) => f.name === 'Shots')?.value)
      .filter((value): value is string => value !== undefined && value.includes('\n'));
    expect(progress[0]!.split('\n')).toEqual([
      expect.stringMatching(/^1\. 🎬 generating, started <t:\d+:R>$/),
      '2. ⏳ waiting',
      '3. ⏳ waiting',
      '4. ⏳ waiting',
      '5. ⏳ waiting',
    ]);
    expect(progress.some((value) => value.startsWith('1. ✅ done\n') && value.includes('⏳ waiting'))).toBe(true);
  });
});
