import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, member, startWorld, type BotWorld } from '../support/botHarness.js';
import type { CommandOption, FakeInteraction, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

type Button = { custom_id: string; label: string };
type Embed = { title: string; description: string; fields?: { name: string; value: string }[] };
const buttonsOf = (message: FakeMessage) =>
  (message.components as { components: Button[] }[]).flatMap((row) => row.components).filter((button) => button.custom_id !== undefined);
const generates = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate');

const bob: FakeUser = { id: '200000000000000002', username: 'bob', roleIds: [], permissions: '0' };
const admin: FakeUser = { id: '200000000000000009', username: 'admin', roleIds: [], permissions: String(1n << 5n) };

const finished = (world: BotWorld, interaction: FakeInteraction) =>
  world.discord.waitFor(() => interaction.publicReplies().find((reply) => !reply.deleted && buttonsOf(reply).length > 0));

function press(world: BotWorld, message: FakeMessage, label: string, user: FakeUser = member): FakeInteraction {
  const button = buttonsOf(message).find((b) => b.label === label)!;
  return world.discord.dispatchButton({ customId: button.custom_id, messageId: message.id, user });
}

async function privateAnswer(world: BotWorld, interaction: FakeInteraction): Promise<string> {
  const [answer] = await world.discord.waitFor(() => interaction.ephemeralReplies().length > 0 && interaction.ephemeralReplies());
  expect(interaction.publicReplies()).toEqual([]);
  expect(answer!.allowedMentions).toEqual({ parse: [] });
  return answer!.content;
}

const blocklist = (world: BotWorld, subcommand: string, options: CommandOption[] = [], by: FakeUser = admin) =>
  world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'blocklist', type: 2, options: [{ name: subcommand, type: 1, options }] }], user: by, channelId: CHANNEL_ID });

function reserved(world: BotWorld): number {
  const db = new Database(world.databasePath, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from credit_ledger where kind = 'reserve'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('blocked words and members’ images end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('refuses, privately and before anything is reserved, a prompt, a story, an Again and a Remix that hold a blocked entry', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a heron fishing at dawn'));

    expect(await privateAnswer(world, blocklist(world, 'add', [{ name: 'words', type: 3, value: 'heron, b.a.d ,Straße' }]))).toBe(
      'Blocked 3 entries. The blocklist now holds 3 of 500; requests already waiting are not checked again.',
    );
    expect(await privateAnswer(world, blocklist(world, 'add', [{ name: 'words', type: 3, value: 'heron' }], bob))).toBe(
      'Only members with the Manage Server permission can change video credits.',
    );

    const refused = 'This prompt contains `heron`, which this server does not allow. Nothing was reserved.';
    expect(await privateAnswer(world, world.prompt('A H-E-R-O-N at dusk'))).toBe(refused);
    expect(await privateAnswer(world, world.prompt('a cat on the STRASSE'))).toBe('This prompt contains `straße`, which this server does not allow. Nothing was reserved.');
    expect(await privateAnswer(world, press(world, reply, 'Again', bob))).toBe(refused);

    const remix = press(world, reply, 'Remix');
    await world.discord.waitFor(() => remix.modal());
    expect(await privateAnswer(world, world.discord.submitModal({ interactionId: remix.id, values: { prompt: 'a heron at night' } }))).toBe(refused);

    const story = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'story', type: 1 }], user: member, channelId: CHANNEL_ID });
    await world.discord.waitFor(() => story.modal());
    const shots = world.discord.submitModal({ interactionId: story.id, values: { shots: 'a calm lake\na grey heron lands' } });
    expect(await privateAnswer(world, shots)).toBe(refused);

    // A word that merely contains an entry, or spells it across word boundaries, is not refused.
    await finished(world, world.prompt('herons and a badge, grab a dog'));
    expect(generates(world)).toHaveLength(2);
    expect(reserved(world)).toBe(2);

    const list = blocklist(world, 'list');
    await world.discord.waitFor(() => list.callbacks.length > 0);
    const page = (list.callbacks[0]!.data as { embeds: Embed[] }).embeds[0]!;
    expect(page.title).toBe('Blocked words: 3 of 500');
    expect(page.description).toBe('• `b.a.d`\n• `heron`\n• `straße`\n\nThe built-in English list is off.');

    expect(await privateAnswer(world, blocklist(world, 'remove', [{ name: 'words', type: 3, value: 'HERON, owl' }]))).toBe(
      'Allowed 1 entry again (1 not on the list). The blocklist now holds 2 entries.',
    );
    await finished(world, world.prompt('a heron again'));
    expect(await privateAnswer(world, blocklist(world, 'builtin', [{ name: 'enabled', type: 5, value: true }]))).toBe(
      'The built-in English list is now used too, besides this server’s own entries.',
    );
    expect(await privateAnswer(world, world.prompt('what the fuck'))).toBe('This prompt contains `fuck`, which this server does not allow. Nothing was reserved.');

    const settings = world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'settings', type: 1 }], user: admin, channelId: CHANNEL_ID });
    const shown = await world.discord.waitFor(() => settings.ephemeralReplies()[0]);
    expect((shown.embeds[0] as Embed).fields?.find((f) => f.name === 'Blocked words')?.value).toBe('2 of 500 · built-in English list on');
  });

  it('another member sees how many images a request used, not their links; Again is refused them, and their Remix never sends the author’s images', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('the fox runs', [{ name: 'image', type: 11, value: 'fox.png' }], [{ filename: 'fox.png' }]));

    const theirs = press(world, reply, 'Details', bob);
    await world.discord.waitFor(() => theirs.callbacks.length > 0);
    const theirPage = (theirs.callbacks[0]!.data as { embeds: Embed[] }).embeds[0]!.description;
    expect(theirPage).toContain('**Images** (1)');
    expect(theirPage).not.toContain('fox.png');
    const own = press(world, reply, 'Details');
    await world.discord.waitFor(() => own.callbacks.length > 0);
    expect((own.callbacks[0]!.data as { embeds: Embed[] }).embeds[0]!.description).toContain('fox.png');

    expect(await privateAnswer(world, press(world, reply, 'Again', bob))).toBe(
      "Video #1 was made from another member's images, which are not reused: use Remix with your own images instead.",
    );
    expect(generates(world)).toHaveLength(1);

    const remix = press(world, reply, 'Remix', bob);
    const modal = await world.discord.waitFor(() => remix.modal());
    expect(JSON.stringify(modal)).toContain('leave empty for a text-only video');
    await finished(world, world.discord.submitModal({ interactionId: remix.id, values: { prompt: 'the fox sleeps' } }));
    const body = generates(world)[1]!.body as { shots: { prompt: string; imageUrls?: string[] }[] };
    expect(body.shots[0]!.prompt).toBe('the fox sleeps');
    expect(body.shots[0]!.imageUrls ?? []).toEqual([]);

    const mine = press(world, reply, 'Again');
    await finished(world, mine);
    const again = generates(world)[2]!.body as { shots: { imageUrls?: string[] }[] };
    expect(again.shots[0]!.imageUrls?.map((url) => decodeURIComponent(url.split('/').at(-1)!))).toEqual(['fox.png']);
  });

  it('Delete blanks the prompt, the images and the video links in the database; /veo status shows it removed', async () => {
    world = await startWorld();
    const reply = await finished(world, world.prompt('a secret lighthouse-XYZZY', [{ name: 'image', type: 11, value: 'fox.png' }], [{ filename: 'fox.png' }]));
    const removed = press(world, reply, 'Delete');
    await world.discord.waitFor(() => removed.ephemeralReplies().length > 0);
    const db = new Database(world.databasePath, { readonly: true });
    try {
      expect(db.prepare('select prompt, image_urls, video_url, erased_because, credits_used from generations').all()).toEqual([
        { prompt: '', image_urls: '[]', video_url: null, erased_because: 'removed', credits_used: 10 },
      ]);
      expect(db.prepare('select prompt, video_url from shots').all()).toEqual([{ prompt: '', video_url: null }]);
      expect(db.prepare("select count(*) as n from credit_ledger where kind = 'reserve'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    const status = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'status', type: 1 }], user: member, channelId: CHANNEL_ID });
    const shown = await world.discord.waitFor(() => status.ephemeralReplies()[0]);
    expect((shown.embeds[0] as Embed).description).toMatch(/🗑️ removed .*\n\*prompt and links erased\*/);
    const one = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'status', type: 1, options: [{ name: 'id', type: 4, value: 1 }] }], user: member, channelId: CHANNEL_ID });
    const detail = await world.discord.waitFor(() => one.ephemeralReplies()[0]);
    expect((detail.embeds[0] as Embed).description).toBe('*prompt and links erased*');
    expect(JSON.stringify(detail)).not.toContain('lighthouse');
  });
});
