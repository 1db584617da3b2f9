import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, CHANNEL_ID, GUILD_ID, member, showsVideo, startWorld, type BotWorld } from '../support/botHarness.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import type { CommandOption, FakeInteraction, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

const OPS_GUILD = '100000000000000002';
const OPS_CHANNEL = '300000000000000002';
const OTHER_GUILD = '100000000000000003';
const OTHER_CHANNEL = '300000000000000003';

const teamOwner: FakeUser = { id: '210000000000000001', username: 'olga', permissions: '8' };
const teamAdmin: FakeUser = { id: '210000000000000002', username: 'otto', permissions: '8' };
const developer: FakeUser = { id: '210000000000000003', username: 'dev', permissions: '8' };
const extraOperator: FakeUser = { id: '210000000000000004', username: 'extra', permissions: '0' };
const admin: FakeUser = { id: '200000000000000002', username: 'ada', roleIds: [], permissions: '32' };

const guilds = [
  { id: GUILD_ID, name: 'Test Server', channels: [{ id: CHANNEL_ID, name: 'videos' }] },
  { id: OPS_GUILD, name: 'Operator HQ', channels: [{ id: OPS_CHANNEL, name: 'ops' }] },
  { id: OTHER_GUILD, name: 'Other *Server*', channels: [{ id: OTHER_CHANNEL, name: 'general' }] },
];
const owner = {
  team: {
    id: '220000000000000001',
    ownerId: teamOwner.id,
    members: [
      { user: teamOwner, role: 'admin' as const },
      { user: teamAdmin, role: 'admin' as const },
      { user: developer, role: 'developer' as const },
    ],
  },
};
// Commands for every server registered globally, /veo-operator in the operator's server only.
const operatorEnv = { DISCORD_GUILD_ID: '', OPERATOR_GUILD_ID: OPS_GUILD, OPERATOR_USER_IDS: extraOperator.id };

const int = (name: string, value: number): CommandOption => ({ name, type: 4, value });
const str = (name: string, value: string): CommandOption => ({ name, type: 3, value });
const bool = (name: string, value: boolean): CommandOption => ({ name, type: 5, value });
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
const embedOf = (message: FakeMessage | undefined) => (message?.embeds[0] ?? {}) as Embed;
const field = (message: FakeMessage, name: string) => embedOf(message).fields?.find((f) => f.name === name)?.value;
const generateCalls = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate').length;

const guildOf = (channelId: string) => guilds.find((g) => g.channels.some((c) => c.id === channelId))!.id;

function command(world: BotWorld, name: string, subcommand: string, options: CommandOption[], user: FakeUser, channelId: string): FakeInteraction {
  return world.discord.dispatchCommand({ name, options: [{ name: subcommand, type: 1, options }], user, channelId, guildId: guildOf(channelId) });
}

async function answer(world: BotWorld, interaction: FakeInteraction): Promise<FakeMessage> {
  const reply = await world.discord.waitFor(() => interaction.ephemeralReplies()[0]);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  return reply;
}

const operator = (world: BotWorld, subcommand: string, options: CommandOption[] = [], by: FakeUser = teamOwner) =>
  answer(world, command(world, 'veo-operator', subcommand, options, by, OPS_CHANNEL));
const veoAdmin = (world: BotWorld, subcommand: string, options: CommandOption[] = []) =>
  answer(world, command(world, 'veo-admin', subcommand, options, admin, CHANNEL_ID));

describe('the operator above the servers, end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it("registers /veo-operator in the operator's server only, refuses anyone but the operator there, and suggests servers by name", async () => {
    world = await startWorld({ discord: { guilds, owner }, env: operatorEnv });
    const names = (scope?: string) => (world.discord.registeredCommands(scope) as { name: string }[]).map((c) => c.name).sort();
    expect(names()).toEqual(['veo', 'veo-admin']);
    expect(names(OPS_GUILD)).toEqual(['veo-operator']);
    expect(names(GUILD_ID)).toEqual([]);

    for (const stranger of [developer, { ...member, permissions: '8' }]) {
      const refusal = await operator(world, 'pause', [], stranger);
      expect(refusal.content).toBe("Only the bot's operator (the owner of its Discord application) can use this command.");
    }
    expect(world.logs.some((l) => l.includes('"operator changed a rule"'))).toBe(false);

    const typed = (by: FakeUser, value: string) =>
      world.discord.dispatchAutocomplete({
        name: 'veo-operator',
        options: [{ name: 'allow', type: 1, options: [{ name: 'server', type: 3, value, focused: true }] }],
        user: by,
        channelId: OPS_CHANNEL,
        guildId: OPS_GUILD,
      });
    const suggestions = async (interaction: FakeInteraction) =>
      ((await world.discord.waitFor(() => interaction.callbacks[0])).data as { choices: unknown[] }).choices;
    expect(await suggestions(typed(teamAdmin, 'serv'))).toEqual([
      { name: `Other *Server* (${OTHER_GUILD})`, value: OTHER_GUILD },
      { name: `Test Server (${GUILD_ID})`, value: GUILD_ID },
    ]);
    expect(await suggestions(typed(developer, 'serv'))).toEqual([]);

    // Each of the team's admins and the configured operator may use it.
    expect((await operator(world, 'pause', [], extraOperator)).content).toMatch(/^New videos are paused in every server/);
    expect((await operator(world, 'resume', [], teamAdmin)).content).toMatch(/^New videos are allowed again in every server/);
    const servers = await operator(world, 'servers');
    expect(embedOf(servers).title).toBe('Servers: 3 (page 1 of 1)');
    expect(embedOf(servers).description).toContain(`**Other \\*Server\\*** (${OTHER_GUILD})`);

    await world.restart();
    expect(world.discord.commandPuts(OPS_GUILD)).toBe(1);
    expect(world.discord.commandPuts('global')).toBe(1);
  });

  it('registers every command together when the operator server is the development server, and starts without one it is not in', async () => {
    world = await startWorld({ discord: { guilds, owner }, env: { OPERATOR_GUILD_ID: GUILD_ID } });
    expect((world.discord.registeredCommands(GUILD_ID) as { name: string }[]).map((c) => c.name).sort()).toEqual(['veo', 'veo-admin', 'veo-operator']);
    await world.close();

    world = await startWorld({ discord: { guilds, owner }, env: { ...operatorEnv, OPERATOR_GUILD_ID: '100000000000000099' } });
    expect(world.logs.some((l) => l.includes('"level":"error"') && l.includes('could not register /veo-operator'))).toBe(true);
    const interaction = world.prompt('still works');
    await world.discord.waitFor(() => showsVideo(interaction.original()));
  });

  it("caps a server's admins at the operator's ceiling: above it refused, unlimited means up to it", async () => {
    world = await startWorld({ discord: { guilds, owner }, env: operatorEnv });
    const over = await veoAdmin(world, 'budget', [int('amount', 1_000_000), str('period', 'week')]);
    expect(over.content).toBe("The bot's operator allows this server at most 300 credits per week: set a budget up to that, or unlimited to use the whole ceiling.");
    const daily = await veoAdmin(world, 'budget', [int('amount', 1_000_000), str('period', 'day')]);
    expect(daily.content).toMatch(/^Budget set to 1,000,000 credits per day\. .* The bot's operator still allows this server at most 300 credits per week, whichever limit is reached first\.$/);
    const unlimited = await veoAdmin(world, 'budget', [bool('unlimited', true)]);
    expect(unlimited.content).toMatch(/^Budget set to the most the bot's operator allows this server: 300 credits per week\./);

    const ceiling = await operator(world, 'ceiling', [str('server', GUILD_ID), int('amount', 20), str('period', 'week')]);
    expect(ceiling.content).toBe('Test Server may now spend at most 20 credits per week, whatever budget its admins set.');
    expect(field(await veoAdmin(world, 'settings'), 'Operator ceiling')).toBe('20 credits per week at most');

    for (const text of ['one', 'two']) {
      const interaction = world.prompt(text);
      await world.discord.waitFor(() => showsVideo(interaction.original()));
    }
    const refusal = await answer(world, world.prompt('three'));
    expect(refusal.content).toMatch(/^This server has used the most the bot's operator allows it: 20 of 20 credits this week\. It resets <t:\d+:R>\.$/);
    expect(generateCalls(world)).toBe(2);
    const credits = await answer(world, command(world, 'veo', 'credits', [], member, CHANNEL_ID));
    expect(field(credits, "Operator's ceiling")).toMatch(/^0 credits left of 20 credits this week; resets <t:\d+:R>$/);
  });

  it('with an allowlist, answers one sentence in a server not on it and calls nothing, until the operator allows it', async () => {
    world = await startWorld({ discord: { guilds, owner }, env: { ...operatorEnv, GUILD_ACCESS: 'allowlist', ALLOWED_GUILD_IDS: GUILD_ID } });
    const sentence = "This bot isn't enabled in this server. Its operator decides which servers may use it; nothing was charged.";
    const elsewhere = (name: string, subcommand: string, options: CommandOption[] = [], by: FakeUser = member) =>
      answer(world, command(world, name, subcommand, options, by, OTHER_CHANNEL));
    expect((await elsewhere('veo', 'prompt', [str('text', 'a fox')])).content).toBe(sentence);
    expect((await elsewhere('veo', 'credits')).content).toBe(sentence);
    expect((await elsewhere('veo-admin', 'budget', [int('amount', 10)], admin)).content).toBe(sentence);
    expect(generateCalls(world)).toBe(0);
    expect(world.discord.channelMessages(OTHER_CHANNEL).filter((m) => !m.ephemeral)).toHaveLength(0);

    const allowed = await operator(world, 'allow', [str('server', OTHER_GUILD)]);
    expect(allowed.content).toBe('Other \\*Server\\* may use the bot now.');
    const interaction = command(world, 'veo', 'prompt', [str('text', 'a fox, allowed')], member, OTHER_CHANNEL);
    await world.discord.waitFor(() => showsVideo(interaction.original()));
    expect(generateCalls(world)).toBe(1);
  });

  it('an empty account holds every request, tells each operator once, and resume sends the queue', async () => {
    world = await startWorld({ discord: { guilds, owner }, env: operatorEnv, api: { credits: 0 } });
    // Sent together: those already on their way when the account emptied fail too; all of them wait.
    const waiting = ['first', 'second', 'third'].map((text) => world.prompt(text));
    for (const interaction of waiting) {
      await world.discord.waitFor(() => embedOf(interaction.original()).description?.includes('video account is out of credits, so your request waits'));
    }
    expect(world.api.requests.filter((r) => r.endpoint === 'generate').every((r) => r.status === 402)).toBe(true);
    // Resumed while still empty: the queue is tried, fails again, and nobody is told twice.
    const early = generateCalls(world);
    await operator(world, 'resume');
    await world.discord.waitFor(() => generateCalls(world) === early + 1);
    await world.discord.waitFor(() => embedOf(waiting[0]!.original()).description?.includes('so your request waits'));
    for (const operatorUser of [teamOwner, teamAdmin, extraOperator]) {
      const dms = await world.discord.waitFor(() => world.discord.dmMessages(operatorUser.id).length > 0 && world.discord.dmMessages(operatorUser.id));
      expect(dms).toHaveLength(1);
      expect(dms[0]!.content).toMatch(/^The nanophoto account that pays for the bot's videos is out of credits \(the last request needed 10 credits\)\./);
    }
    expect(world.discord.dmMessages(developer.id)).toHaveLength(0);
    expect(world.logs.filter((l) => l.includes('"level":"error"') && l.includes('out of credits'))).toHaveLength(1);
    const servers = await operator(world, 'servers');
    expect(embedOf(servers).description).toContain('The video account is **empty**: the queue waits.');

    world.api.topUp(100);
    const failed = generateCalls(world);
    const resumed = await operator(world, 'resume');
    expect(resumed.content).toBe("The queue is tried again now; if the account is still empty it waits again. Servers paused by their own admins stay paused.");
    for (const interaction of waiting) await world.discord.waitFor(() => showsVideo(interaction.original()));
    expect(generateCalls(world)).toBe(failed + 3);
    expect(world.discord.dmMessages(teamOwner.id)).toHaveLength(1);
    const usage = await operator(world, 'usage');
    expect(embedOf(usage).description).toMatch(/^\*\*30 credits\*\* charged; there is no global budget\./);
    expect(field(usage, 'Per server')).toBe('1. Test Server: 30 credits');
  });

  it('with several keys, an empty account holds only its key: the video goes out on another, and /veo-operator keys shows each key by fingerprint', async () => {
    const second = 'e2e-second-nanophoto-key';
    world = await startWorld({
      discord: { guilds, owner },
      env: { ...operatorEnv, NANOPHOTO_API_KEYS: `${second},${API_KEY}` },
      api: { apiKeys: [API_KEY, second], accounts: { [API_KEY]: 0 } },
    });
    const prompt = world.prompt('a lighthouse at dusk');
    await world.discord.waitFor(() => showsVideo(prompt.original()));
    expect(world.api.requests.filter((r) => r.endpoint === 'generate').map((r) => [r.key, r.status])).toEqual([
      [API_KEY, 402],
      [second, 200],
    ]);
    expect(world.api.requests.filter((r) => r.endpoint === 'check-status').every((r) => r.key === second)).toBe(true);
    const dm = await world.discord.waitFor(() => world.discord.dmMessages(teamOwner.id)[0]);
    expect(dm.content).toContain(`API key \`${fingerprintOf(API_KEY)}\` is out of credits`);
    expect(dm.content).not.toContain(API_KEY);

    const keys = await operator(world, 'keys');
    expect(embedOf(keys).title).toBe('2 API keys');
    const lines = embedOf(keys).description!.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^\`${fingerprintOf(API_KEY)}\`: 99 requests left this hour, 0 videos in progress; its account is \\*\\*empty\\*\\*\\.$`));
    expect(lines[1]).toMatch(new RegExp(`^\`${fingerprintOf(second)}\`: \\d+ requests left this hour, 0 videos in progress; its account has credits\\.$`));
    expect(JSON.stringify(keys)).not.toContain(second);
  });
});
