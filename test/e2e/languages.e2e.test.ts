import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationState } from '../../src/domain/generation.js';
import { t } from '../../src/discord/words/catalogue.js';
import { CHANNEL_ID, GUILD_ID, member, showsVideo, startWorld, type BotWorld } from '../support/botHarness.js';
import { killLeftoverChildren, lastLines, startChildWorld, type ChildWorld } from '../support/childBot.js';
import type { CommandOption, FakeDiscord, FakeInteraction, FakeMessage, RecordedRequest } from '../support/fakeDiscord/index.js';

/**
 * Members read private answers in their own Discord language, and everyone reads a public reply in
 * the server's, from the first answer to the last edit, even one made by a restarted bot.
 */

const frenchServer = { guilds: [{ id: GUILD_ID, name: 'Serveur', channels: [{ id: CHANNEL_ID, name: 'vidéos' }], locale: 'fr' }] };
type Embed = { title?: string; description?: string; footer?: { text?: string }; fields?: { name: string; value: string }[] };
const embedOf = (message: FakeMessage | undefined) => (message?.embeds[0] ?? {}) as Embed;
const titleOf = (message: FakeMessage | undefined) => embedOf(message).title ?? '';
const generationStates: GenerationState[] = ['queued', 'submitting', 'running', 'completed', 'partial', 'failed'];

function prompt(discord: FakeDiscord, text: string, locale: string, options: CommandOption[] = []): FakeInteraction {
  return discord.dispatchCommand({
    name: 'veo',
    options: [{ name: 'prompt', type: 1, options: [{ name: 'text', type: 3, value: text }, ...options] }],
    user: member,
    channelId: CHANNEL_ID,
    locale,
  });
}

const privately = (discord: FakeDiscord, interaction: FakeInteraction, index = 0) =>
  discord.waitFor(() => interaction.ephemeralReplies()[index]);

describe('languages end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('refuses a German member in German while the public reply in a French server is French', async () => {
    world = await startWorld({ discord: frenchServer });

    const refused = prompt(world.discord, 'a || b', 'de', [{ name: 'resolution', type: 3, value: '4k' }]);
    const refusal = await privately(world.discord, refused);
    expect(refusal.content).toBe('4k erzeugt eine einzelne Szene von 8 Sekunden: Entfernen Sie die Trennzeichen „||“ oder wählen Sie 720p.');
    expect(world.api.requests).toHaveLength(0);

    const made = prompt(world.discord, 'un chat qui surfe', 'de');
    const done = await world.discord.waitFor(() => showsVideo(made.original()) && made.original());
    expect(titleOf(done)).toBe('✅ Votre vidéo est prête');
    expect(embedOf(done).fields).toEqual(expect.arrayContaining([{ name: 'Coût', value: '10 crédits', inline: true }]));
    expect(embedOf(done).footer?.text).toBe('Génération n° 1 · /veo status id:1');
    // What it costs the member is theirs to read: in German.
    const note = await privately(world.discord, made);
    expect(note.content).toMatch(/^Dieses Video kostet 10 Credits\. Sie können diese Woche noch 290 Credits ausgeben; das wird <t:\d+:R> zurückgesetzt\.$/);
  });

  it('shows /veo status to a German member in German, a replacement message in French, and a DM in German', async () => {
    world = await startWorld({ discord: frenchServer, api: { shotDurationMs: 400 } });
    const first = prompt(world.discord, 'un chat qui surfe', 'de');
    await world.discord.waitFor(() => showsVideo(first.original()));
    const status = world.discord.dispatchCommand({
      name: 'veo',
      options: [{ name: 'status', type: 1, options: [{ name: 'id', type: 4, value: 1 }] }],
      user: member,
      channelId: CHANNEL_ID,
      locale: 'de',
    });
    expect(titleOf(await privately(world.discord, status))).toBe('✅ Ihr Video ist fertig');

    // The reply is deleted: the new message stands in the channel, so it speaks the server's language.
    const replaced = prompt(world.discord, 'un phare', 'de');
    const shown = await world.discord.waitFor(() => titleOf(replaced.original()).startsWith('🎬') && replaced.original());
    world.discord.expireInteractionToken(replaced.id);
    world.discord.deleteMessage(CHANNEL_ID, shown.id);
    const reposted = await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => !m.deleted && showsVideo(m) && m.id !== first.original()?.id));
    expect(reposted.content).toMatch(new RegExp(`^<@${member.id}>, voici la vidéo que vous avez demandée :$`));

    // The channel is gone from the bot's sight: the DM is the member's own, so it speaks German.
    const hidden = prompt(world.discord, 'une forêt', 'de');
    await world.discord.waitFor(() => titleOf(hidden.original()).startsWith('🎬'));
    world.discord.expireInteractionToken(hidden.id);
    world.discord.setChannelAccess(CHANNEL_ID, 'no-access');
    const dm = await world.discord.waitFor(() => world.discord.dmMessages(member.id).find((m) => showsVideo(m)));
    expect(dm.content).toMatch(new RegExp(`^Ich konnte nicht in <#${CHANNEL_ID}> posten, deshalb schreibe ich Ihnen hier:$`));
    expect(titleOf(dm)).toBe('✅ Ihr Video ist fertig');
  });

  it('answers /veo credits in Japanese, and a member whose language the bot does not speak in English', async () => {
    world = await startWorld();
    const credits = (locale: string) =>
      world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'credits', type: 1 }], user: member, channelId: CHANNEL_ID, locale });

    const japanese = await privately(world.discord, credits('ja'));
    expect(embedOf(japanese).title).toBe('クレジット');
    expect(embedOf(japanese).description).toMatch(/^今週はあと \*\*300クレジット\*\* 使えます。\n1週間の予算は<t:\d+:R>（<t:\d+:f>）にリセットされます。$/);
    expect(embedOf(japanese).fields).toEqual(expect.arrayContaining([{ name: 'サーバーの予算', value: '300クレジット', inline: true }]));

    const korean = await privately(world.discord, credits('ko'));
    expect(embedOf(korean).title).toBe('Credits');
    expect(embedOf(korean).description).toMatch(/^You can spend \*\*300 credits\*\* this week\./);

    const koreanRefusal = await privately(world.discord, prompt(world.discord, '\u0007', 'ko'));
    expect(koreanRefusal.content).toBe('Your prompt contains invisible control characters; remove them and try again.');
  });
});

describe('languages across a restart of the bot process', () => {
  let child: ChildWorld;
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error(`last lines of the bot:\n${lastLines(child)}`);
    await killLeftoverChildren();
    await child?.close();
  });

  it('keeps the French server’s reply French when the restarted poller edits it', async () => {
    child = await startChildWorld({ discord: frenchServer, api: { shotDurationMs: 2500 } });
    await child.start();
    const interaction = prompt(child.discord, 'un phare sous la pluie', 'de');
    const running = await child.discord.waitFor(() => titleOf(interaction.original()) === '🎬 Génération de votre vidéo…' && interaction.original());
    expect(running.content).toBe('');

    child.bot.kill('SIGKILL');
    expect((await child.bot.exited).signal).toBe('SIGKILL');
    const afterKill = child.discord.requests.length;
    await child.start();

    const done = await child.discord.waitFor(() => showsVideo(interaction.original()) && interaction.original(), 20_000);
    expect(titleOf(done)).toBe('✅ Votre vidéo est prête');
    // The token died with the first process: the new one edits through the channel, in French.
    const edits = child.discord.requests.slice(afterKill).filter((r: RecordedRequest) => r.method === 'PATCH' && r.status === 200);
    expect(edits.map((r) => r.path)).toContain(`/channels/${CHANNEL_ID}/messages/${done.id}`);
    const frenchTitles = generationStates.map((state) => t('fr', 'generation.title', { state }));
    for (const edit of edits) expect(frenchTitles).toContain((edit.body as { embeds?: Embed[] }).embeds?.[0]?.title);
  });
});
