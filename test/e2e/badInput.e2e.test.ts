import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, BOT_TOKEN, CHANNEL_ID, GUILD_ID, member } from '../support/botHarness.js';
import { startChildWorld, type ChildWorld } from '../support/childBot.js';
import type { CommandOption, FakeAttachment, FakeInteraction, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

/**
 * Every bad input gets one short private answer, and nothing else happens: no API request, no
 * credit-ledger row, no generation, no public message. Counted before and after each input, with
 * the bot running as its own process, as an operator runs it.
 */

const admin: FakeUser = { id: '200000000000000002', username: 'ada', roleIds: [], permissions: '32' };
const bob: FakeUser = { id: '200000000000000003', username: 'bob', roleIds: [], permissions: '0' };
const mallory: FakeUser = { id: '200000000000000009', username: 'mallory', roleIds: [], permissions: '0' };
const ROLE_ID = '400000000000000001';
const MB = 1024 * 1024;

const str = (name: string, value: string): CommandOption => ({ name, type: 3, value });
const int = (name: string, value: number): CommandOption => ({ name, type: 4, value });
const bool = (name: string, value: boolean): CommandOption => ({ name, type: 5, value });
const userOpt = (name: string, value: FakeUser): CommandOption => ({ name, type: 6, value: value.id });

interface Image extends FakeAttachment {
  option: 'image' | 'image2' | 'image3';
}
const image = (option: Image['option'], filename: string, contentType = 'image/png', size = 50_000): Image => ({ option, filename, contentType, size });

function prompt(world: ChildWorld, text: string, options: CommandOption[] = [], images: Image[] = [], user: FakeUser = member, guildId?: string | null): FakeInteraction {
  const attachments = images.map(({ option: _option, ...attachment }) => attachment);
  const imageOptions = images.map((i): CommandOption => ({ name: i.option, type: 11, value: i.filename }));
  return world.discord.dispatchCommand({
    name: 'veo',
    options: [{ name: 'prompt', type: 1, options: [str('text', text), ...options, ...imageOptions] }],
    user,
    ...(guildId === null ? { guildId: null } : { channelId: CHANNEL_ID }),
    attachments,
  });
}

const veo = (world: ChildWorld, subcommand: string, options: CommandOption[] = [], user: FakeUser = member, guildId?: string | null) =>
  world.discord.dispatchCommand({
    name: 'veo',
    options: [{ name: subcommand, type: 1, options }],
    user,
    ...(guildId === null ? { guildId: null } : { channelId: CHANNEL_ID }),
  });

const veoAdmin = (world: ChildWorld, subcommand: string, options: CommandOption[] = [], user: FakeUser = admin) =>
  world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: subcommand, type: 1, options }], user, channelId: CHANNEL_ID });

/** Runs an admin command as set-up and waits for its answer. */
async function asAdmin(world: ChildWorld, subcommand: string, options: CommandOption[] = []): Promise<void> {
  const interaction = veoAdmin(world, subcommand, options);
  const reply = await world.discord.waitFor(() => interaction.ephemeralReplies()[0]);
  expect(reply.content).not.toMatch(/must be|Only members|Give /);
}

type Button = { custom_id: string; label: string };
const buttonsOf = (message: FakeMessage) => (message.components as { components: Button[] }[]).flatMap((row) => row.components);

interface Case {
  name: string;
  input(world: ChildWorld): FakeInteraction;
  answer: RegExp;
  setup?(world: ChildWorld): Promise<void>;
  teardown?(world: ChildWorld): Promise<void>;
  /** The answer edits the private question the button sits on (interaction callback 7), instead of a new reply (4). */
  updatesQuestion?: boolean;
  /** The bot does not refuse this input properly: kept as an expected failure, in a world of its own. */
}

/** A costly request waiting for its member's confirmation, shared by the button cases. */
let question: FakeMessage | undefined;
const clickOnQuestion = (world: ChildWorld, label: RegExp, user: FakeUser, customId?: string) => {
  if (!question) throw new Error('no confirmation question yet');
  const button = buttonsOf(question).find((b) => label.test(b.label));
  return world.discord.dispatchButton({ customId: customId ?? button!.custom_id, messageId: question.id, user });
};

const cases: Case[] = [
  // Attachments
  { name: 'a text file as an image', input: (w) => prompt(w, 'a dog', [], [image('image', 'notes.txt', 'text/plain')]), answer: /^"notes\.txt" is not a PNG, JPEG or WebP image\.$/ },
  { name: 'a PDF as an image', input: (w) => prompt(w, 'a dog', [str('mode', 'frames')], [image('image', 'brief.pdf', 'application/pdf')]), answer: /^"brief\.pdf" is not a PNG, JPEG or WebP image\.$/ },
  { name: 'a GIF as an image', input: (w) => prompt(w, 'a dog', [], [image('image', 'dance.gif', 'image/gif')]), answer: /^"dance\.gif" is not a PNG, JPEG or WebP image\.$/ },
  { name: 'an SVG as an image', input: (w) => prompt(w, 'a dog', [], [image('image', 'logo.svg', 'image/svg+xml')]), answer: /^"logo\.svg" is not a PNG, JPEG or WebP image\.$/ },
  { name: 'one bad file among good images', input: (w) => prompt(w, 'a dog', [], [image('image', 'a.png'), image('image2', 'b.mp4', 'video/mp4')]), answer: /^"b\.mp4" is not a PNG, JPEG or WebP image\.$/ },
  { name: 'an 11 MB image', input: (w) => prompt(w, 'a dog', [], [image('image', 'huge.png', 'image/png', 11 * MB)]), answer: /^"huge\.png" is 11\.0 MB; images can be at most 10 MB\.$/ },
  {
    name: 'three images in frames mode',
    input: (w) => prompt(w, 'a dog', [str('mode', 'frames')], [image('image', 'a.png'), image('image2', 'b.png'), image('image3', 'c.png')]),
    answer: /^Mode frames takes the first frame in "image" and the optional last frame in "image2"\.$/,
  },
  {
    name: 'a last frame without a first frame',
    input: (w) => prompt(w, 'a dog', [str('mode', 'frames')], [image('image2', 'last.png')]),
    answer: /^Mode frames takes the first frame in "image"/,
  },
  { name: 'frames mode without an image', input: (w) => prompt(w, 'a dog', [str('mode', 'frames')]), answer: /^Mode frames needs a first-frame image/ },
  { name: 'reference mode without an image', input: (w) => prompt(w, 'a dog', [str('mode', 'reference')]), answer: /^Mode reference needs 1 to 3 reference images\.$/ },
  { name: 'images with mode text', input: (w) => prompt(w, 'a dog', [str('mode', 'text')], [image('image', 'a.jpg', 'image/jpeg')]), answer: /^Mode text takes no images/ },
  { name: 'frames mode with several shots', input: (w) => prompt(w, 'a dog || a cat', [str('mode', 'frames')], [image('image', 'a.png')]), answer: /^First\/last frames work with a single shot/ },

  // Resolution and shots
  { name: '1080p with two shots', input: (w) => prompt(w, 'a dog || a cat', [str('resolution', '1080p')]), answer: /^1080p makes a single 8-second shot: remove the "\|\|" separators or choose 720p\.$/ },
  { name: '4k with three shots', input: (w) => prompt(w, 'a || b || c', [str('resolution', '4k')]), answer: /^4k makes a single 8-second shot/ },
  { name: 'more than 21 shots', input: (w) => prompt(w, Array.from({ length: 22 }, (_, i) => `shot ${i + 1}`).join(' || ')), answer: /^A video can have at most 21 shots; yours has 22\.$/ },

  // Prompt text
  { name: 'an empty prompt', input: (w) => prompt(w, ''), answer: /^Write a prompt: describe the video you want\.$/ },
  { name: 'a whitespace-only prompt', input: (w) => prompt(w, '  \n\t  '), answer: /^Write a prompt/ },
  { name: 'a prompt of 4001 characters', input: (w) => prompt(w, 'a'.repeat(4001)), answer: /^Your prompt is 4001 characters; the limit is 4000\.$/ },
  { name: 'one shot over 1000 characters', input: (w) => prompt(w, `${'b'.repeat(1001)} || a short second shot`), answer: /^Shot 1 is over 1000 characters; shorten it\.$/ },
  { name: 'a bell character in the prompt', input: (w) => prompt(w, 'a cat\u0007 purring'), answer: /^Your prompt contains invisible control characters/ },
  { name: 'a NUL character in the prompt', input: (w) => prompt(w, 'a cat\u0000'), answer: /invisible control characters/ },
  { name: 'an empty shot between ||', input: (w) => prompt(w, 'a sunrise || || a sunset'), answer: /^One of your shots is empty: write text between each "\|\|"\.$/ },
  { name: 'a trailing ||', input: (w) => prompt(w, 'a sunrise ||'), answer: /^One of your shots is empty/ },
  { name: 'a prompt that is only ||', input: (w) => prompt(w, '||'), answer: /^One of your shots is empty/ },
  {
    name: 'a prompt of zero-width spaces only',
    input: (w) => prompt(w, '\u200b\u200b\u200b'),
    answer: /^Write a prompt/,
  },

  // Option values Discord's client would never send (the bot must not trust its choices)
  { name: 'an unknown mode', input: (w) => prompt(w, 'a dog', [str('mode', 'video')]), answer: /^Unknown mode "video": choose one of text, frames, reference\.$/ },
  { name: 'an unknown aspect ratio', input: (w) => prompt(w, 'a dog', [str('aspect', '4:3')]), answer: /^Unknown aspect "4:3": choose one of 16:9, 9:16\.$/ },
  { name: 'an unknown resolution', input: (w) => prompt(w, 'a dog', [str('resolution', '8k')]), answer: /^Unknown resolution "8k": choose one of 720p, 1080p, 4k\.$/ },
  { name: 'a resolution in the wrong case', input: (w) => prompt(w, 'a dog', [str('resolution', '720P')]), answer: /^Unknown resolution "720P"/ },
  { name: 'a mode that pings @everyone', input: (w) => prompt(w, 'a dog', [str('mode', '@everyone <@&400000000000000001>')]), answer: /^Unknown mode "@everyone <@&4000000/ },

  // Where and who
  { name: '/veo prompt in a DM', input: (w) => prompt(w, 'a dog', [], [], member, null), answer: /^Use this command in a server channel, not in direct messages\.$/ },
  { name: '/veo credits in a DM', input: (w) => veo(w, 'credits', [], member, null), answer: /^Use this command in a server channel/ },
  { name: '/veo status in a DM', input: (w) => veo(w, 'status', [], member, null), answer: /^Use this command in a server channel/ },
  { name: "/veo status of someone else's generation", input: (w) => veo(w, 'status', [int('id', 1)]), answer: /^You have no generation #1 in this server\. See \/veo status for yours\.$/ },
  { name: '/veo status of a generation that does not exist', input: (w) => veo(w, 'status', [int('id', 999)]), answer: /^You have no generation #999 in this server/ },
  { name: '/veo status with a negative id', input: (w) => veo(w, 'status', [int('id', -3)]), answer: /^You have no generation #-3 in this server/ },
  { name: '/veo status with an id beyond any integer', input: (w) => veo(w, 'status', [int('id', 1e20)]), answer: /^You have no generation #100000000000000000000 in this server/ },

  // Quotas
  {
    name: 'generation turned off (budget 0)',
    setup: (w) => asAdmin(w, 'budget', [int('amount', 0)]),
    input: (w) => prompt(w, 'a dog'),
    answer: /^Video generation isn't turned on for this server yet: its budget is 0 credits\./,
    teardown: (w) => asAdmin(w, 'budget', [int('amount', 300), str('period', 'week')]),
  },
  {
    // Bob's video already used 10 credits today.
    name: 'an exhausted server budget',
    setup: (w) => asAdmin(w, 'budget', [int('amount', 10), str('period', 'day')]),
    input: (w) => prompt(w, 'a dog'),
    answer: /^This server's video budget is spent: 10 of 10 credits used today\. It resets <t:\d+:R>\.$/,
    teardown: (w) => asAdmin(w, 'budget', [int('amount', 300), str('period', 'week')]),
  },
  {
    name: 'a video costing more than the budget left',
    setup: (w) => asAdmin(w, 'budget', [int('amount', 20), str('period', 'day')]),
    input: (w) => prompt(w, 'a dog || a cat'),
    answer: /^This video costs 20 credits but only 10 of this server's 20 are left today\./,
    teardown: (w) => asAdmin(w, 'budget', [int('amount', 300), str('period', 'week')]),
  },
  {
    name: 'a paused server',
    setup: (w) => asAdmin(w, 'pause'),
    input: (w) => prompt(w, 'a dog'),
    answer: /^Video generation is paused by this server's admins\. Ask them to resume it; no credits were used\.$/,
    teardown: (w) => asAdmin(w, 'resume'),
  },
  {
    name: 'a member capped at 0',
    setup: (w) => asAdmin(w, 'member-cap', [int('amount', 0), userOpt('member', member)]),
    input: (w) => prompt(w, 'a dog'),
    answer: /^You have no video allowance on this server\./,
    teardown: (w) => asAdmin(w, 'member-cap', [userOpt('member', member)]),
  },

  // Admin commands
  { name: '/veo-admin budget by a non-admin', input: (w) => veoAdmin(w, 'budget', [int('amount', 1000)], bob), answer: /^Only members with the Manage Server permission can change video credits\.$/ },
  { name: '/veo-admin adjust by a non-admin', input: (w) => veoAdmin(w, 'adjust', [userOpt('member', bob), int('credits', -5), str('reason', 'x')], bob), answer: /^Only members with the Manage Server permission/ },
  { name: '/veo-admin in a DM', input: (w) => w.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'pause', type: 1 }], user: admin, guildId: null }), answer: /^Use this command in a server channel/ },
  { name: 'a negative budget', input: (w) => veoAdmin(w, 'budget', [int('amount', -1)]), answer: /^The budget must be a whole number of credits from 0 to 1,000,000\.$/ },
  { name: 'a budget that is both an amount and unlimited', input: (w) => veoAdmin(w, 'budget', [int('amount', 10), bool('unlimited', true)]), answer: /^Give either an amount or unlimited, not both\.$/ },
  { name: 'an unknown budget period', input: (w) => veoAdmin(w, 'budget', [int('amount', 10), str('period', 'year')]), answer: /^The period must be day, week or month\.$/ },
  { name: 'a negative member cap', input: (w) => veoAdmin(w, 'member-cap', [int('amount', -5)]), answer: /^The member cap must be a whole number/ },
  { name: 'an adjustment of 0 credits', input: (w) => veoAdmin(w, 'adjust', [userOpt('member', bob), int('credits', 0), str('reason', 'nothing')]), answer: /^The adjustment must be a whole number of credits from 1/ },
  { name: 'an adjustment with a blank reason', input: (w) => veoAdmin(w, 'adjust', [userOpt('member', bob), int('credits', -5), str('reason', '   ')]), answer: /^Give a reason of 1 to 200 characters/ },
  {
    name: 'giving back more credits than were used',
    input: (w) => veoAdmin(w, 'adjust', [userOpt('member', mallory), int('credits', 50), str('reason', 'a gift')]),
    answer: /^<@200000000000000009> has used 0 credits this week, so at most 0 can be given back\.$/,
  },

  // Confirmation buttons
  {
    name: "clicking someone else's confirm button",
    setup: async (w) => {
      const asked = prompt(w, 'a long trip || over the hills || and far away');
      question = await w.discord.waitFor(() => (asked.ephemeralReplies()[0]?.components.length ?? 0) > 0 && asked.ephemeralReplies()[0]);
    },
    input: (w) => clickOnQuestion(w, /Make it/, mallory),
    answer: /^Only the member who asked for this video can answer\.$/,
  },
  { name: "clicking someone else's cancel button", input: (w) => clickOnQuestion(w, /Cancel/, mallory), answer: /^Only the member who asked for this video can answer\.$/ },
  { name: 'a forged confirmation id', input: (w) => clickOnQuestion(w, /Make it/, member, 'veo-confirm:0000000000000000'), answer: /^This question is no longer open/, updatesQuestion: true },
  {
    // The bot cannot know after a restart whether the question was confirmed, so it must not say nothing was reserved.
    name: 'a confirmation asked before a restart',
    setup: (w) => restart(w),
    input: (w) => clickOnQuestion(w, /Make it/, member),
    answer: /^This question is no longer open \(the bot may have restarted since\)\. If you confirmed it, your video is in `\/veo status`; if not, run `\/veo prompt` or `\/veo story` again\.$/,
    updatesQuestion: true,
  },

  // /veo story: the form is open, and what the member submits is refused
  { name: 'a story of blank lines', setup: openStory, input: (w) => submitStory(w, { shots: '  \n\n \t \n' }), answer: /^Your story has no shot: write one shot per line\.$/ },
  {
    name: 'a story of 22 shots',
    setup: openStory,
    input: (w) => submitStory(w, { shots: Array.from({ length: 22 }, (_, i) => `shot ${i + 1}`).join('\n') }),
    answer: /^A video can have at most 21 shots; yours has 22\.$/,
  },
  {
    name: 'a story line over 1000 characters',
    setup: openStory,
    input: (w) => submitStory(w, { shots: `a calm sea\n${'w'.repeat(1001)}\na storm` }),
    answer: /^Shot 2 is over 1000 characters; shorten it\.$/,
  },
  {
    name: 'a story with a text file as a reference image',
    setup: openStory,
    input: (w) => submitStory(w, { shots: 'a calm sea\na storm' }, [{ filename: 'notes.txt', contentType: 'text/plain' }]),
    answer: /^"notes\.txt" is not a PNG, JPEG or WebP image\.$/,
  },
  {
    name: 'a story with an 11 MB reference image',
    setup: openStory,
    input: (w) => submitStory(w, { shots: 'a calm sea\na storm' }, [{ filename: 'sea.png', contentType: 'image/png', size: 11 * MB }]),
    answer: /^"sea\.png" is 11\.0 MB; images can be at most 10 MB\.$/,
  },
];

/** The `/veo story` whose form the next story case submits. */
let storyForm: FakeInteraction | undefined;
async function openStory(world: ChildWorld): Promise<void> {
  const opened = veo(world, 'story');
  storyForm = await world.discord.waitFor(() => opened.modal() && opened);
}
const submitStory = (world: ChildWorld, values: Record<string, string>, images: FakeAttachment[] = []) =>
  world.discord.submitModal({ interactionId: storyForm!.id, values, files: images.length > 0 ? { images } : {} });

/** Resolves after the bot's poller has finished `n` more ticks. */
async function pollerTicks(world: ChildWorld, n: number): Promise<void> {
  const bot = world.bot;
  const from = bot.logs.length;
  let ticks = 0;
  await bot.waitForLog((entry) => bot.logs.indexOf(entry) >= from && entry.msg === 'poller tick done' && (ticks += 1) === n);
}

async function restart(world: ChildWorld): Promise<void> {
  world.bot.kill('SIGTERM');
  expect(await world.bot.exited).toEqual({ code: 0, signal: null });
  await world.start();
}

interface Counts {
  apiRequests: number;
  ledgerRows: number;
  generations: number;
  publicMessages: number;
  dms: number;
}

function counts(world: ChildWorld, db: Database.Database): Counts {
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    apiRequests: world.api.requests.length,
    ledgerRows: count('credit_ledger'),
    generations: count('generations'),
    publicMessages: world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.ephemeral).length,
    dms: [member, bob, mallory, admin].reduce((n, u) => n + world.discord.dmMessages(u.id).length, 0),
  };
}

async function checkRefused(world: ChildWorld, db: Database.Database, c: Case): Promise<void> {
  await c.setup?.(world);
  try {
    await expectRefused(world, db, c);
  } finally {
    await c.teardown?.(world);
  }
}

async function expectRefused(world: ChildWorld, db: Database.Database, c: Case): Promise<void> {
  const before = counts(world, db);
  const interaction = c.input(world);
  const reply = await world.discord.waitFor(() => interaction.callbacks.length > 0 && interaction.ephemeralReplies()[0]);
  expect(reply.content).toMatch(c.answer);
  expect(interaction.callbacks.map((cb) => cb.type)).toEqual([c.updatesQuestion ? 7 : 4]);
  expect(interaction.ephemeralReplies()).toHaveLength(1);
  // One short line of plain text, no embed, and it pings nobody whatever it quotes.
  expect(reply.content).not.toContain('\n');
  expect(reply.content.length).toBeLessThanOrEqual(300);
  expect(reply.content).not.toMatch(/Something went wrong|reference `/);
  expect(reply.embeds).toEqual([]);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect(reply).toMatchObject({ mentionEveryone: false, mentionedRoleIds: [], mentionedUserIds: [] });
  // Let anything the input might have started show up before counting again.
  await pollerTicks(world, 2);
  expect(counts(world, db)).toEqual(before);
}

describe('bad input: one clear private sentence, no API call, no credit moved', () => {
  let world: ChildWorld;
  let db: Database.Database;

  beforeAll(async () => {
    world = await startChildWorld({
      discord: { guilds: [{ id: GUILD_ID, name: 'Test Server', channels: [{ id: CHANNEL_ID, name: 'videos' }], roles: [{ id: ROLE_ID, name: 'Patrons' }] }] },
    });
    await world.start();
    db = new Database(world.databasePath, { readonly: true, fileMustExist: true });
    // Generation #1 belongs to bob, for the status case.
    const bobs = prompt(world, 'a video of my own', [], [], bob);
    await world.discord.waitFor(() => bobs.original()?.content.startsWith('https://'));
  });

  afterAll(async () => {
    db?.close();
    await world?.close();
  });

  for (const c of cases) {
    it(c.name, () => checkRefused(world, db, c));
  }

  it('keeps the catalogue at 25 inputs or more', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it('pings nobody with a prompt full of mentions, and keeps secrets and the database private', async () => {
    const interaction = prompt(world, `hi @everyone and @here, <@&${ROLE_ID}> and <@${bob.id}>: a parade`);
    const done = await world.discord.waitFor(() => interaction.original()?.content.startsWith('https://') && interaction.original());
    for (const message of [done, ...interaction.followups()]) {
      expect(message).toMatchObject({ mentionEveryone: false, mentionedRoleIds: [], mentionedUserIds: [] });
    }
    expect(JSON.stringify(done.embeds)).toContain('@\u200beveryone');
    const logs = world.allLines().join('\n');
    for (const secret of [BOT_TOKEN, API_KEY, interaction.token]) expect(logs).not.toContain(secret);
    const everything = JSON.stringify(world.discord.channelMessages(CHANNEL_ID));
    for (const secret of [BOT_TOKEN, API_KEY]) expect(everything).not.toContain(secret);
    expect(statSync(world.databasePath).mode & 0o777).toBe(0o600);
  });
});
