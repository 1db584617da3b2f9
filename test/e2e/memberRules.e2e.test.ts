import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, member, startWorld, type BotWorld } from '../support/botHarness.js';
import type { CommandOption, FakeInteraction, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

type Button = { custom_id: string; label: string };
type Embed = { title: string; description: string };
const buttonsOf = (message: FakeMessage | undefined) =>
  ((message?.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components).filter((button) => button.custom_id !== undefined);
const embedOf = (message: FakeMessage | undefined) => message?.embeds[0] as Embed | undefined;
const generates = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate').length;

/** The member rules at their defaults (the harness turns them off for the other tests). */
const rulesOn = { MEMBER_ACTIVE_LIMIT: '3', DUPLICATE_WINDOW_MS: '10000', MEMBER_FAILURE_LIMIT: '5' };

const bob: FakeUser = { id: '200000000000000002', username: 'bob', roleIds: [], permissions: '0' };
const moderator: FakeUser = { id: '200000000000000003', username: 'mod', roleIds: [], permissions: String(1n << 13n) };

function ledgerRows(world: BotWorld, generationId: number): { kind: string; credits: number }[] {
  const db = new Database(world.databasePath, { readonly: true });
  try {
    return db.prepare('select kind, credits from credit_ledger where generation_id = ? order by id').all(generationId) as { kind: string; credits: number }[];
  } finally {
    db.close();
  }
}

async function privateAnswer(world: BotWorld, interaction: FakeInteraction): Promise<string> {
  const [answer] = await world.discord.waitFor(() => interaction.ephemeralReplies().length > 0 && interaction.ephemeralReplies());
  return answer!.content;
}

describe('the member rules end to end: Cancel, a double press, the limit', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  /** Two submits an hour: the member's first two requests are sent, the third waits with a Cancel button. */
  async function waitingReply(): Promise<FakeMessage> {
    world = await startWorld({ env: { ...rulesOn, API_RATE_LIMIT: '4', API_RATE_WINDOW_MS: '3600000', API_POLL_RESERVE: '2', API_SUBMIT_RESERVE: '0', API_BURST: '4' } });
    for (const text of ['first', 'second']) {
      const sent = world.prompt(text);
      await world.discord.waitFor(() => embedOf(sent.original())?.title.includes('Generating'));
    }
    const third = world.prompt('third, which waits');
    return world.discord.waitFor(() => embedOf(third.original())?.title.includes('Queued') && buttonsOf(third.original()).length > 0 && third.original());
  }

  function press(message: FakeMessage, user: FakeUser): FakeInteraction {
    const [button] = buttonsOf(message);
    expect(button).toEqual({ custom_id: 'veo-withdraw:3', label: 'Cancel', style: 2, type: 2 });
    return world.discord.dispatchButton({ customId: button!.custom_id, messageId: message.id, user });
  }

  it('the author cancels: credits released at once, the reply says so without a ping, nothing is ever sent', async () => {
    const reply = await waitingReply();
    const pressed = press(reply, member);
    const cancelled = await world.discord.waitFor(() => {
      const message = world.discord.channelMessages(reply.channelId).find((m) => m.id === reply.id);
      return message && embedOf(message)?.description.includes('Cancelled by') && message;
    });
    expect(embedOf(cancelled)!.description).toContain(`Cancelled by <@${member.id}> before it was sent`);
    expect(cancelled.allowedMentions).toEqual({ parse: [] });
    expect(cancelled.mentionedUserIds).toEqual([]);
    expect(buttonsOf(cancelled).map((b) => b.label)).not.toContain('Cancel');
    expect(pressed.ephemeralReplies()).toEqual([]);
    // Discord is answered before anything else is done: releasing a request may take longer than its 3 seconds.
    expect(pressed.callbacks.map((c) => c.type)).toEqual([6]);
    expect(ledgerRows(world, 3)).toEqual([
      { kind: 'reserve', credits: 10 },
      { kind: 'release', credits: -10 },
    ]);
    // The poller runs on: the cancelled request is never sent.
    await world.bot.tick();
    await world.bot.tick();
    expect(generates(world)).toBe(2);
    // A second press says what happened, privately, and changes nothing.
    const again = world.discord.dispatchButton({ customId: 'veo-withdraw:3', messageId: reply.id, user: member });
    expect(await privateAnswer(world, again)).toBe(`Video #3 was already cancelled by <@${member.id}>.`);
    expect(ledgerRows(world, 3)).toHaveLength(2);
  });

  it('another member without Manage Messages is refused privately; a moderator may cancel it', async () => {
    const reply = await waitingReply();
    const refused = press(reply, bob);
    expect(await privateAnswer(world, refused)).toBe('Only the member who asked for video #3, or someone with Manage Messages, can cancel it.');
    expect(refused.publicReplies()).toEqual([]);
    const still = world.discord.channelMessages(reply.channelId).find((m) => m.id === reply.id)!;
    expect(embedOf(still)!.title).toContain('Queued');
    expect(ledgerRows(world, 3)).toEqual([{ kind: 'reserve', credits: 10 }]);

    press(still, moderator);
    const cancelled = await world.discord.waitFor(() => {
      const message = world.discord.channelMessages(reply.channelId).find((m) => m.id === reply.id);
      return message && embedOf(message)?.description.includes('Cancelled by') && message;
    });
    expect(embedOf(cancelled)!.description).toContain(`Cancelled by <@${moderator.id}>`);
    expect(cancelled.mentionedUserIds).toEqual([]);
    expect(ledgerRows(world, 3).map((row) => row.kind)).toEqual(['reserve', 'release']);
  });

  it('a double press of Again by one member makes one video; another member pressing gets their own', async () => {
    world = await startWorld({ env: rulesOn });
    const asked = world.prompt('a kingfisher diving');
    const result = await world.discord.waitFor(() => buttonsOf(asked.original()).some((b) => b.label === 'Again') && asked.original());
    const again = buttonsOf(result).find((b) => b.label === 'Again')!;
    const presses = [member, member, bob].map((user) => world.discord.dispatchButton({ customId: again.custom_id, messageId: result.id, user }));
    const [first, second, third] = presses;
    await world.discord.waitFor(() => generates(world) === 3);
    const refused = await world.discord.waitFor(() =>
      [first!, second!].flatMap((p) => p.ephemeralReplies()).find((m) => m.content.startsWith('You asked for this same video a moment ago')),
    );
    // A link to the first one's reply, or its number for /veo status when the second came before that reply existed.
    expect(refused.content).toMatch(/^You asked for this same video a moment ago: #\d+ \((https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+|`\/veo status id:\d+`)\)\. Nothing was charged twice\.$/);
    await world.bot.tick();
    expect(generates(world)).toBe(3);
    expect(third!.ephemeralReplies().some((m) => m.content.startsWith('You asked'))).toBe(false);
  });

  it('/veo-admin member-limit binds at once, shows in settings, and is for Manage Server only', async () => {
    world = await startWorld({ env: rulesOn, api: { shotDurationMs: 60_000 } });
    const admin: FakeUser = { id: '200000000000000009', username: 'ada', roleIds: [], permissions: '32' };
    const veoAdmin = (subcommand: string, options: CommandOption[], by: FakeUser) =>
      world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: subcommand, type: 1, options }], user: by, channelId: CHANNEL_ID });
    const refused = veoAdmin('member-limit', [{ name: 'amount', type: 4, value: 0 }], bob);
    expect(await privateAnswer(world, refused)).toBe('Only members with the Manage Server permission can change video credits.');
    const set = veoAdmin('member-limit', [{ name: 'amount', type: 4, value: 1 }], admin);
    expect(await privateAnswer(world, set)).toBe('Each member may now have at most 1 request waiting or being made at once in this server.');

    const first = world.prompt('the only one');
    await world.discord.waitFor(() => embedOf(first.original())?.title.includes('Generating'));
    const second = world.prompt('one too many');
    expect(await privateAnswer(world, second)).toBe(
      'You have 1 request waiting or being made in this server, and 1 at once is the limit. Wait for one to finish, or cancel a waiting one with its Cancel button; nothing was charged.',
    );
    expect(generates(world)).toBe(1);

    const settings = veoAdmin('settings', [], admin);
    const embed = (await world.discord.waitFor(() => settings.ephemeralReplies()[0])).embeds[0] as { fields: { name: string; value: string }[] };
    expect(embed.fields).toEqual(
      expect.arrayContaining([
        { name: 'Active requests per member', value: 'at most 1', inline: true },
        { name: 'Waiting in this server', value: '0 requests', inline: true },
        { name: 'Members in a cooldown', value: 'None' },
      ]),
    );
    const cleared = veoAdmin('cooldown-clear', [{ name: 'member', type: 6, value: member.id }], admin);
    expect(await privateAnswer(world, cleared)).toBe(`<@${member.id}> was not in a cooldown; their failures so far no longer count towards one.`);
  });
});
