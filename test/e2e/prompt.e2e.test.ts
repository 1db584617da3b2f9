import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, BOT_TOKEN, CHANNEL_ID, GUILD_ID, member, startWorld, type BotWorld, showsVideo } from '../support/botHarness.js';
import type { FakeMessage } from '../support/fakeDiscord/index.js';

const title = (message: FakeMessage | undefined) => (message?.embeds[0] as { title?: string } | undefined)?.title ?? '';
const messageWrites = (world: BotWorld) =>
  world.discord.requests.filter((r) => ['POST', 'PATCH'].includes(r.method) && /messages|webhooks\/\d+\/[^/]+$|callback/.test(r.path));

describe('/veo prompt end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('connects with the Guilds intent only and registers the commands only when they changed', async () => {
    world = await startWorld();
    expect(world.discord.identifies().map((i) => i.intents)).toEqual([1]);
    expect(world.discord.commandPuts()).toBe(1);
    const names = world.discord.registeredCommands(GUILD_ID).map((c) => (c as { name: string }).name);
    expect(names.sort()).toEqual(['veo', 'veo-admin']);
    await world.restart();
    expect(world.discord.commandPuts()).toBe(1);
    expect(world.logs.some((l) => l.includes('invite') && l.includes('applications.commands'))).toBe(true);
  });

  it('defers at once, shows the generation, and edits in the video when it is ready', async () => {
    world = await startWorld();
    const interaction = world.prompt('a cat surfing, hi @everyone and <@&400000000000000001>');
    await world.discord.waitFor(() => interaction.callbacks.length > 0);
    expect(interaction.callbacks[0]!.type).toBe(5);

    const generating = await world.discord.waitFor(() => {
      const original = interaction.original();
      return title(original).includes('Generating') && original;
    });
    const fields = (generating.embeds[0] as { fields: { name: string; value: string }[] }).fields;
    expect(fields).toEqual(expect.arrayContaining([
      { name: 'Cost', value: '10 credits', inline: true },
      expect.objectContaining({ name: 'Expected', value: expect.stringMatching(/^<t:\d+:R>$/) }),
    ]));

    const done = await world.discord.waitFor(() => {
      const original = interaction.original();
      return showsVideo(original) && original;
    });
    expect(title(done)).toContain('ready');
    expect(done.mentionEveryone).toBe(false);
    expect(done.mentionedRoleIds).toEqual([]);
    expect(world.discord.channelMessages(CHANNEL_ID)).toHaveLength(1);
    // Every write that shows text says whom it may ping: the defer carries none, the edits do.
    const shownTexts = messageWrites(world)
      .map((write) => {
        const body = write.body as { data?: object } | undefined;
        return (write.path.endsWith('/callback') ? body?.data : body) as { allowed_mentions?: unknown } | undefined;
      })
      .filter((payload) => payload !== undefined && ('content' in payload || 'embeds' in payload));
    expect(shownTexts.length).toBeGreaterThanOrEqual(2);
    expect(shownTexts.map((payload) => payload?.allowed_mentions)).not.toContain(undefined);
    expect(world.api.requests.filter((r) => r.endpoint === 'generate')).toHaveLength(1);
  });

  it('still gets the video into the reply after the interaction token expired', async () => {
    world = await startWorld({ api: { shotDurationMs: 300 } });
    const interaction = world.prompt('a lighthouse in a storm');
    await world.discord.waitFor(() => title(interaction.original()).includes('Generating'));
    world.discord.expireInteractionToken(interaction.id);
    const done = await world.discord.waitFor(() => {
      const original = interaction.original();
      return showsVideo(original) && original;
    });
    expect(title(done)).toContain('ready');
    expect(world.discord.requests.some((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${CHANNEL_ID}/messages/`))).toBe(true);
  });

  it('posts a new message mentioning only the member when the reply was deleted', async () => {
    world = await startWorld({ api: { shotDurationMs: 300 } });
    const interaction = world.prompt('a slow sunrise');
    const generating = await world.discord.waitFor(() => title(interaction.original()).includes('Generating') && interaction.original());
    world.discord.expireInteractionToken(interaction.id);
    world.discord.deleteMessage(CHANNEL_ID, generating.id);
    const posted = await world.discord.waitFor(() =>
      world.discord.channelMessages(CHANNEL_ID).find((m) => !m.deleted && showsVideo(m)),
    );
    expect(posted.content).toContain(`<@${member.id}>`);
    expect(posted.attachments).toHaveLength(1);
    expect(posted.mentionedUserIds).toEqual([member.id]);
  });

  it('shows a failed video as a red embed with a plain reason', async () => {
    world = await startWorld({ api: { outcome: () => ({ status: 'failed', error: 'internal moderation code 7' }) } });
    const interaction = world.prompt('something the service refuses');
    const failed = await world.discord.waitFor(() => title(interaction.original()).includes('could not') && interaction.original());
    const embed = failed.embeds[0] as { color: number; description: string };
    expect(embed.color).toBe(0xed4245);
    expect(embed.description).toMatch(/credits were given back/);
    expect(embed.description).not.toContain('moderation code');
  });

  it('answers bad input privately, with no API call and no public message', async () => {
    world = await startWorld();
    const interaction = world.prompt('a || b', [{ name: 'resolution', type: 3, value: '4k' }]);
    const reply = await world.discord.waitFor(() => interaction.ephemeralReplies()[0]);
    expect(reply.content).toMatch(/4k makes a single 8-second shot/);
    expect(interaction.callbacks[0]!.type).toBe(4);
    expect(world.api.requests).toHaveLength(0);
    expect(world.discord.channelMessages(CHANNEL_ID)).toHaveLength(0);
  });

  it('lists the member’s generations privately with /veo status', async () => {
    world = await startWorld();
    const first = world.prompt('first video');
    await world.discord.waitFor(() => showsVideo(first.original()));
    const status = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'status', type: 1 }], user: member, channelId: CHANNEL_ID });
    const reply = await world.discord.waitFor(() => status.ephemeralReplies()[0]);
    const description = (reply.embeds[0] as { description: string }).description;
    expect(description).toMatch(/#1.*done.*10 credits/);
    expect(description).toContain('[video](http://127.0.0.1');
  });

  it('never writes the bot token or API key to the log', async () => {
    world = await startWorld();
    const interaction = world.prompt('a quiet forest');
    await world.discord.waitFor(() => showsVideo(interaction.original()));
    const text = world.logs.join('\n');
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(API_KEY + '"');
    expect(text).not.toContain(interaction.token);
  });
});
