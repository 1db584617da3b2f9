import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, GUILD_ID, member, startWorld, type BotWorld, showsVideo } from '../support/botHarness.js';
import type { CommandOption, FakeInteraction, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

const admin: FakeUser = { id: '200000000000000002', username: 'ada', roleIds: [], permissions: '32' };
const bob: FakeUser = { id: '200000000000000003', username: 'bob', roleIds: [], permissions: '0' };
const PATRONS = '400000000000000001';
const alwaysFails = { outcome: () => ({ status: 'failed' as const, error: 'x' }) };

const int = (name: string, value: number): CommandOption => ({ name, type: 4, value });
const user = (name: string, value: FakeUser): CommandOption => ({ name, type: 6, value: value.id });

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
const embedOf = (message: FakeMessage) => (message.embeds[0] ?? {}) as Embed;
const field = (message: FakeMessage, name: string) => embedOf(message).fields?.find((f) => f.name === name)?.value;
const title = (message: FakeMessage | undefined) => (message ? embedOf(message).title ?? '' : '');
const generateCalls = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate').length;

function veoAdmin(world: BotWorld, subcommand: string, options: CommandOption[] = [], by: FakeUser = admin): FakeInteraction {
  return world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: subcommand, type: 1, options }], user: by, channelId: CHANNEL_ID });
}

/** The private answer to a command; every one must be ephemeral and ping nobody. */
async function answer(world: BotWorld, interaction: FakeInteraction): Promise<FakeMessage> {
  const reply = await world.discord.waitFor(() => interaction.ephemeralReplies()[0]);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  return reply;
}

const runAdmin = async (world: BotWorld, subcommand: string, options: CommandOption[] = [], by: FakeUser = admin) =>
  answer(world, veoAdmin(world, subcommand, options, by));

const credits = (world: BotWorld, by: FakeUser = member) =>
  answer(world, world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'credits', type: 1 }], user: by, channelId: CHANNEL_ID }));

async function makeVideo(world: BotWorld, by: FakeUser): Promise<void> {
  const interaction = world.prompt(`a video by ${by.username ?? by.id}`, [], [], by);
  await world.discord.waitFor(() => showsVideo(interaction.original()));
}

describe('/veo-admin and server credit quotas end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('sets a budget that members spend, refuses the next request without an API call, and gives credits back', async () => {
    world = await startWorld();
    expect(world.discord.registeredCommands(GUILD_ID)).toContainEqual(
      expect.objectContaining({ name: 'veo-admin', default_member_permissions: '32' }),
    );

    const set = await runAdmin(world, 'budget', [int('amount', 20), { name: 'period', type: 3, value: 'day' }]);
    // The default ceiling (the default budget, 300 a week) still binds a daily budget.
    expect(set.content).toMatch(
      /^Budget set to 20 credits per day\. 0 used so far; resets <t:\d+:R>\. The bot's operator still allows this server at most 300 credits per week, whichever limit is reached first\.$/,
    );
    expect(world.logs.some((l) => l.includes('"quota changed"') && l.includes(`"adminId":"${admin.id}"`) && l.includes('"budget":20'))).toBe(true);

    await makeVideo(world, member);
    await makeVideo(world, bob);
    const refused = world.prompt('one video too many');
    const refusal = await answer(world, refused);
    expect(refusal.content).toMatch(/budget is spent: 20 of 20 credits used today\. It resets <t:\d+:R>\./);
    expect(generateCalls(world)).toBe(2);
    expect(world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.ephemeral)).toHaveLength(2);

    const mine = await credits(world);
    expect(field(mine, 'Server used')).toBe('20 credits');
    expect(field(mine, 'Server left')).toBe('0 credits');
    expect(field(mine, 'You used')).toBe('10 credits');

    const usage = await runAdmin(world, 'usage');
    expect(embedOf(usage).title).toBe('Video credits used today');
    expect(embedOf(usage).description).toMatch(/^\*\*20 credits\*\* used of the 20 credits budget; 0 credits left\.\nResets <t:\d+:R>/);
    expect(field(usage, 'Settled')).toBe('20 credits');
    expect(field(usage, 'Generations')).toBe('2');
    expect(field(usage, 'Top members')).toMatch(new RegExp(`<@(${member.id}|${bob.id})>: 10 credits\\n2\\. <@(${member.id}|${bob.id})>: 10 credits`));

    const adjusted = await runAdmin(world, 'adjust', [user('member', member), int('credits', 10), { name: 'reason', type: 3, value: 'the video was broken' }]);
    expect(adjusted.content).toBe(`Gave 10 credits back to <@${member.id}>. They have now used 0 credits this period; the server 10 credits.`);
    expect(adjusted.mentionedUserIds).toEqual([]);
    await makeVideo(world, member);
    expect(generateCalls(world)).toBe(3);
    expect(field(await runAdmin(world, 'usage'), 'Adjusted by admins')).toBe('-10 credits');
  });

  it('gives a failed generation its credits back so the member can submit again', async () => {
    world = await startWorld({ api: alwaysFails });
    await runAdmin(world, 'budget', [int('amount', 10), { name: 'period', type: 3, value: 'day' }]);

    const first = world.prompt('a video the service fails');
    await world.discord.waitFor(() => title(first.original()).includes('could not'));
    expect(field(await credits(world), 'Server used')).toBe('0 credits');

    const second = world.prompt('another try');
    await world.discord.waitFor(() => title(second.original()).includes('could not'));
    expect(generateCalls(world)).toBe(2);

    const usage = await runAdmin(world, 'usage');
    expect(embedOf(usage).description).toMatch(/^\*\*0 credits\*\* used of the 10 credits budget/);
    expect(field(usage, 'Settled')).toBe('20 credits');
    expect(field(usage, 'Refunded')).toBe('20 credits');
    expect(field(usage, 'Refunds')).toBe('2');
  });

  it('pauses and resumes generation', async () => {
    world = await startWorld();
    expect((await runAdmin(world, 'pause')).content).toMatch(/^Video generation is paused in this server/);
    expect((await runAdmin(world, 'pause')).content).toBe('Video generation was already paused; nothing changed.');

    const refusal = await answer(world, world.prompt('while paused'));
    expect(refusal.content).toMatch(/paused by this server's admins/);
    expect(generateCalls(world)).toBe(0);

    expect((await runAdmin(world, 'resume')).content).toBe('Video generation resumed: members can make videos again.');
    await makeVideo(world, member);
    expect(generateCalls(world)).toBe(1);
  });

  it('refuses members without Manage Server and changes nothing', async () => {
    world = await startWorld();
    // Discord hides the command from them by default, but a server can grant it to anyone: the bot checks again.
    for (const [subcommand, options] of [['budget', [int('amount', 0)]], ['pause', []], ['usage', []]] as const) {
      const refusal = await runAdmin(world, subcommand, [...options], bob);
      expect(refusal.content).toBe('Only members with the Manage Server permission can change video credits.');
    }
    expect(world.logs.some((l) => l.includes('"quota changed"'))).toBe(false);

    const settings = await runAdmin(world, 'settings');
    expect(embedOf(settings).description).toMatch(/^Video generation is \*\*on\*\*\.\nThe server runs on the bot’s default settings\./);
    expect(field(settings, 'Server budget')).toBe('300 credits per week');
    await makeVideo(world, bob);
  });

  it('sets member caps and role allowances and lists them in settings', async () => {
    world = await startWorld({
      discord: { guilds: [{ id: GUILD_ID, name: 'Test Server', channels: [{ id: CHANNEL_ID, name: 'videos' }], roles: [{ id: PATRONS, name: 'Patrons' }] }] },
    });
    const patron: FakeUser = { ...member, roleIds: [PATRONS] };

    expect((await runAdmin(world, 'member-cap', [int('amount', 10)])).content).toMatch(/^Default member cap set to 10 credits per week\./);
    expect((await runAdmin(world, 'member-cap', [int('amount', 0), user('member', bob)])).content).toBe(
      `<@${bob.id}>'s cap set to 0: they can't make videos in this server until you change it.`,
    );
    expect((await runAdmin(world, 'role-allowance', [{ name: 'role', type: 8, value: PATRONS }, int('amount', 20)])).content).toMatch(
      new RegExp(`^Members with <@&${PATRONS}> may now spend up to 20 credits per week`),
    );
    expect((await runAdmin(world, 'confirm-threshold', [int('amount', 25)])).content).toBe(
      'Video requests costing 25 credits or more now ask the member to confirm first.',
    );

    expect((await answer(world, world.prompt('no allowance', [], [], bob))).content).toMatch(/You have no video allowance/);
    expect(field(await credits(world, patron), 'Your cap')).toBe(`20 credits (from <@&${PATRONS}>)`);

    const settings = await runAdmin(world, 'settings');
    expect(field(settings, 'Default member cap')).toBe('10 credits per week');
    expect(field(settings, 'Confirm from')).toBe('25 credits');
    expect(field(settings, 'Role allowances')).toBe(`<@&${PATRONS}>: 20 credits per week`);
    expect(field(settings, 'Member caps')).toBe(`<@${bob.id}>: 0 credits per week`);
    expect(embedOf(settings).description).toContain(`Last changed by <@${admin.id}>`);

    expect((await runAdmin(world, 'member-cap', [user('member', bob)])).content).toMatch(new RegExp(`^Removed <@${bob.id}>'s own cap`));
    expect((await runAdmin(world, 'role-allowance', [{ name: 'role', type: 8, value: PATRONS }, int('amount', 0)])).content).toBe(
      `Removed the allowance of <@&${PATRONS}>.`,
    );
    expect(field(await runAdmin(world, 'settings'), 'Member caps')).toBe('None');
    expect((await runAdmin(world, 'budget', [int('amount', -1)])).content).toMatch(/The budget must be a whole number/);
  });
});
