import { once } from 'node:events';
import {
  ButtonStyle,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  RESTJSONErrorCodes,
  Routes,
  TextInputStyle,
  type Interaction,
  type RESTPostAPIChannelMessageResult,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { modalFields, startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fakeDiscord/index.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.fake.self-test-token';
const GUILD = '100000000000000001';
const CHANNEL = '300000000000000001';
const alice = { id: '200000000000000001', username: 'alice' };
const quiet = { parse: [] };

let fake: FakeDiscord | undefined;
let client: Client | undefined;
let onInteraction: (interaction: Interaction) => Promise<unknown> = async () => undefined;
let handlerErrors: unknown[] = [];

async function start(options: Partial<FakeDiscordOptions> = {}): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  fake = await startFakeDiscord({ botToken: TOKEN, guilds: [{ id: GUILD, channels: [{ id: CHANNEL, name: 'videos' }] }], ...options });
  const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
  client = bot;
  bot.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction).catch((error: unknown) => handlerErrors.push(error)));
  const ready = once(bot, Events.ClientReady);
  await bot.login(TOKEN);
  await ready;
  await fake.waitForReady(1000);
  return { fake, client: bot as Client<true> };
}

/** Rejects with the DiscordAPIError's code, for compact assertions. */
async function apiCode(promise: Promise<unknown>): Promise<number | string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error.code;
}

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
  onInteraction = async () => undefined;
  expect(handlerErrors).toEqual([]);
  handlerErrors = [];
});

describe('fake Discord with the real discord.js client', () => {
  it('identifies with the Guilds intent, registers commands, and takes a deferred reply and its edit', async () => {
    const { fake, client } = await start();
    expect(fake.identifies()).toEqual([{ intents: GatewayIntentBits.Guilds, token: TOKEN }]);
    expect(client.guilds.cache.get(GUILD)?.channels.cache.has(CHANNEL)).toBe(true);

    await client.application.commands.set([{ name: 'ping', description: 'Replies' }], GUILD);
    expect(fake.commandPuts()).toBe(1);
    expect(fake.registeredCommands(GUILD)).toEqual([expect.objectContaining({ name: 'ping', integration_types: [0] })]);

    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: `pong <@${alice.id}>`, allowedMentions: quiet });
    };
    const interaction = fake.dispatchCommand({ name: 'ping', user: alice, channelId: CHANNEL });
    const original = await fake.waitFor(() => interaction.original()?.edits === 1 && interaction.original());

    expect(original.content).toBe(`pong <@${alice.id}>`);
    expect(original.mentionedUserIds).toEqual([]);
    expect(original.flags & MessageFlags.Loading).toBe(0);
    expect(interaction.callbacks.map((c) => c.type)).toEqual([5]);
    expect(fake.channelMessages(CHANNEL).map((m) => m.content)).toEqual([original.content]);
    const order = fake.requests.map((r) => `${r.method} ${r.path.replace(interaction.token, 'TOKEN')}`);
    expect(order.indexOf(`POST /interactions/${interaction.id}/TOKEN/callback`)).toBeLessThan(
      order.indexOf(`PATCH /webhooks/${fake.applicationId}/TOKEN/messages/@original`),
    );
  });

  it('echoes Discord defaults, so a definition without integration_types never equals() the stored command', async () => {
    const { client } = await start();
    await client.application.commands.set([{ name: 'ping', description: 'Replies' }], GUILD);
    const [stored] = (await client.application.commands.fetch({ guildId: GUILD })).values();
    expect(stored?.equals({ name: 'ping', description: 'Replies' }, true)).toBe(false);
    expect(stored?.equals({ name: 'ping', description: 'Replies', integrationTypes: [0] }, true)).toBe(true);
  });

  it('keeps an ephemeral reply out of the channel', async () => {
    const { fake } = await start();
    let answered: { ephemeral: boolean | null; content: string | undefined } | undefined;
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'only you', flags: MessageFlags.Ephemeral, withResponse: true });
      answered = { ephemeral: response.interaction.responseMessageEphemeral, content: response.resource?.message?.content };
    };
    const interaction = fake.dispatchCommand({ name: 'ping', user: alice });
    const reply = await fake.waitFor(() => interaction.ephemeralReplies()[0]);
    expect(reply.content).toBe('only you');
    expect(fake.channelMessages(CHANNEL)).toEqual([]);
    expect(await fake.waitFor(() => answered)).toEqual({ ephemeral: true, content: 'only you' });
  });

  it('fails editReply with 50027 once the token expired, while the bot can still edit through the channel', async () => {
    const { fake, client } = await start();
    let deferred: Interaction | undefined;
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      deferred = interaction;
    };
    const interaction = fake.dispatchCommand({ name: 'ping', user: alice });
    const live = await fake.waitFor(() => deferred?.isChatInputCommand() && deferred);
    fake.expireInteractionToken(interaction.id);

    const failure = await live.editReply({ content: 'late', allowedMentions: quiet }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({ code: RESTJSONErrorCodes.InvalidWebhookToken, status: 401 });
    expect(fake.requests.filter((r) => r.method === 'PATCH' && r.status === 401)).toHaveLength(1); // no retry

    const messageId = interaction.original()?.id ?? '';
    await client.rest.patch(Routes.channelMessage(CHANNEL, messageId), { body: { content: 'done', allowed_mentions: quiet } });
    expect(fake.channelMessages(CHANNEL).map((m) => m.content)).toEqual(['done']);
  });

  it('refuses a second callback (40060), one after the 3 s window (10062), and the webhook after 15 minutes (50027), by the fake clock', async () => {
    let now = 1_700_000_000_000;
    const { fake, client } = await start({ now: () => now });
    const reply = (id: string, token: string) =>
      client.rest.post(Routes.interactionCallback(id, token), { body: { type: 4, data: { content: 'hi' } }, auth: false });
    const first = fake.dispatchCommand({ name: 'ping', user: alice });
    await reply(first.id, first.token);
    expect(await apiCode(reply(first.id, first.token))).toBe(RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged);

    const slow = fake.dispatchCommand({ name: 'ping', user: alice });
    now += 3001;
    expect(await apiCode(reply(slow.id, slow.token))).toBe(RESTJSONErrorCodes.UnknownInteraction);

    const original = () => client.rest.get(Routes.webhookMessage(fake.applicationId, first.token), { auth: false });
    await original();
    now += 15 * 60_000;
    expect(await apiCode(original())).toBe(RESTJSONErrorCodes.InvalidWebhookToken);
  });

  it('delivers a button click, and UPDATE_MESSAGE edits the clicked message', async () => {
    const { fake, client } = await start();
    const posted = (await client.rest.post(Routes.channelMessages(CHANNEL), {
      body: {
        content: 'pick',
        allowed_mentions: quiet,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'again', label: 'Again' }],
          },
        ],
      },
    })) as RESTPostAPIChannelMessageResult;
    onInteraction = async (interaction) => {
      if (interaction.isButton() && interaction.customId === 'again') await interaction.update({ content: 'clicked', components: [] });
    };
    const click = fake.dispatchButton({ customId: 'again', messageId: posted.id, user: alice });
    await fake.waitFor(() => fake.channelMessages(CHANNEL)[0]?.content === 'clicked');
    expect(click.callbacks.map((c) => c.type)).toEqual([7]);
    expect(fake.channelMessages(CHANNEL)[0]?.components).toEqual([]);
  });

  it('DEFERRED_UPDATE_MESSAGE shows nothing; its follow-ups are new messages, edited by their ids, while @original is the clicked message', async () => {
    const { fake, client } = await start();
    const posted = (await client.rest.post(Routes.channelMessages(CHANNEL), {
      body: { content: 'a result', allowed_mentions: quiet, components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'again', label: 'Again' }] }] },
    })) as RESTPostAPIChannelMessageResult;
    onInteraction = async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.deferUpdate();
      await interaction.followUp({ content: 'only you', flags: MessageFlags.Ephemeral });
      const reply = await interaction.followUp({ content: 'everyone', allowedMentions: quiet });
      await interaction.webhook.editMessage(reply.id, { content: 'everyone, edited' });
    };
    const click = fake.dispatchButton({ customId: 'again', messageId: posted.id, user: alice });
    await fake.waitFor(() => click.publicReplies()[0]?.content === 'everyone, edited');
    expect(click.callbacks.map((c) => c.type)).toEqual([6]);
    expect(click.original()?.id).toBe(posted.id);
    expect(click.original()?.content).toBe('a result');
    expect(click.ephemeralReplies().map((m) => m.content)).toEqual(['only you']);
    expect(click.publicReplies().map((m) => m.id)).not.toContain(posted.id);
  });

  it('opens a modal built with discord.js, and its submission reads back through ModalSubmitFields, files resolved', async () => {
    const { fake } = await start();
    const read: unknown[] = [];
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('form:7')
            .setTitle('A form')
            .addTextDisplayComponents((t) => t.setContent('Fill it in'))
            .addLabelComponents(
              (l) => l.setLabel('Text').setTextInputComponent((t) => t.setCustomId('text').setStyle(TextInputStyle.Paragraph).setMaxLength(50)),
              (l) => l.setLabel('Pick').setStringSelectMenuComponent((m) => m.setCustomId('pick').addOptions({ label: 'A', value: 'a' }, { label: 'B', value: 'b', default: true })),
              (l) => l.setLabel('Files').setFileUploadComponent((f) => f.setCustomId('files').setMinValues(0).setMaxValues(2).setRequired(false)),
            ),
        );
      } else if (interaction.isModalSubmit()) {
        const files = interaction.fields.getUploadedFiles('files', false);
        read.push(interaction.customId, interaction.fields.getTextInputValue('text'), interaction.fields.getStringSelectValues('pick'), [...(files?.values() ?? [])].map((f) => [f.name, f.contentType]));
        const image = await fetch([...(files?.values() ?? [])][0]!.url);
        read.push(image.headers.get('content-type'));
        await interaction.reply({ content: 'thanks', flags: MessageFlags.Ephemeral, allowedMentions: quiet });
      }
    };
    const command = fake.dispatchCommand({ name: 'form', user: alice });
    const modal = await fake.waitFor(() => command.modal());
    expect(command.callbacks.map((c) => c.type)).toEqual([9]);
    expect(modal.components.map((c) => [c['type'], c['id']])).toEqual([[10, 1], [18, 2], [18, 4], [18, 6]]);
    expect(modalFields(modal).map((f) => f.customId)).toEqual(['text', 'pick', 'files']);

    expect(() => fake.submitModal({ interactionId: command.id, values: { text: '' } })).toThrow(/cannot submit "Text"/);
    expect(() => fake.submitModal({ interactionId: command.id, values: { text: 'hi', pick: ['c'] } })).toThrow(/no option c/);
    expect(() => fake.submitModal({ interactionId: command.id, values: { text: 'hi' }, files: { files: [{ filename: '1.png' }, { filename: '2.png' }, { filename: '3.png' }] } })).toThrow(/takes 0-2 files, not 3/);
    expect(() => fake.submitModal({ interactionId: command.id, values: { text: 'hi', other: 'x' } })).toThrow(/no field other/);

    const submitted = fake.submitModal({ interactionId: command.id, values: { text: 'hello' }, files: { files: [{ filename: 'cat.png', contentType: 'image/png' }] } });
    await fake.waitFor(() => submitted.ephemeralReplies()[0]);
    expect(read).toEqual(['form:7', 'hello', ['b'], [['cat.png', 'image/png']], 'image/png']);
    expect(() => fake.submitModal({ interactionId: command.id, values: { text: 'again' } })).toThrow(/already submitted/);
  });

  it('opens a modal from a button; its submission carries the message, may update it, and cannot open another modal', async () => {
    const { fake, client } = await start();
    const posted = (await client.rest.post(Routes.channelMessages(CHANNEL), {
      body: { content: 'a result', allowed_mentions: quiet, components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: 'remix:42', label: 'Remix' }] }] },
    })) as RESTPostAPIChannelMessageResult;
    const seen: unknown[] = [];
    onInteraction = async (interaction) => {
      if (interaction.isButton()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('remix:42')
            .setTitle('Remix')
            .addLabelComponents((l) => l.setLabel('Prompt').setTextInputComponent((t) => t.setCustomId('prompt').setStyle(TextInputStyle.Paragraph).setValue('a cat'))),
        );
      } else if (interaction.isModalSubmit()) {
        seen.push(interaction.customId, interaction.message?.id, interaction.fields.getTextInputValue('prompt'));
        const again = await apiCode(client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 9, data: { custom_id: 'x', title: 'x', components: [] } }, auth: false }));
        seen.push(again);
        if (interaction.isFromMessage()) await interaction.update({ content: 'remixed', components: [] });
      }
    };
    const click = fake.dispatchButton({ customId: 'remix:42', messageId: posted.id, user: alice });
    await fake.waitFor(() => click.modal());
    expect(click.modal()!.components[0]!['component']).toMatchObject({ value: 'a cat' });
    const submitted = fake.submitModal({ interactionId: click.id, values: { prompt: 'a dog' } });
    await fake.waitFor(() => fake.channelMessages(CHANNEL)[0]?.content === 'remixed');
    expect(seen).toEqual(['remix:42', posted.id, 'a dog', RESTJSONErrorCodes.InvalidFormBodyOrContentType]);
    expect(submitted.callbacks.map((c) => c.type)).toEqual([7]);
  });

  it('refuses modals Discord refuses: long titles and labels, more than 5 components, action rows, labelled inputs with their own label', async () => {
    const { fake, client } = await start();
    const label = (component: Record<string, unknown>, text = 'Label') => ({ type: ComponentType.Label, label: text, component });
    const input = { type: ComponentType.TextInput, custom_id: 'text', style: TextInputStyle.Short };
    const show = (data: Record<string, unknown>) => {
      const command = fake.dispatchCommand({ name: 'form', user: alice });
      return client.rest.post(Routes.interactionCallback(command.id, command.token), { body: { type: 9, data: { custom_id: 'form', title: 'Form', ...data } }, auth: false });
    };
    const invalid = RESTJSONErrorCodes.InvalidFormBodyOrContentType;
    expect(await apiCode(show({ title: 'x'.repeat(46), components: [label(input)] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label(input, 'x'.repeat(46))] }))).toBe(invalid);
    expect(await apiCode(show({ components: Array.from({ length: 6 }, (_, i) => label({ ...input, custom_id: `t${i}` })) }))).toBe(invalid);
    expect(await apiCode(show({ components: [{ type: ComponentType.ActionRow, components: [{ ...input, label: 'Old style' }] }] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label({ ...input, label: 'Own label' })] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label({ ...input, placeholder: 'x'.repeat(101) })] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label({ type: ComponentType.StringSelect, custom_id: 's', options: [{ label: 'x'.repeat(101), value: 'v' }] })] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label({ type: ComponentType.StringSelect, custom_id: 's', disabled: true, options: [{ label: 'A', value: 'a' }] })] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label({ type: ComponentType.FileUpload, custom_id: 'f', max_values: 11 })] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label(input), label(input)] }))).toBe(invalid);
    expect(await apiCode(show({ components: [label(input)] }).then(() => show({ components: [] })))).toBe(invalid);
  });

  it('resumes after the gateway drops and still delivers the next interaction', async () => {
    const { fake, client } = await start();
    const resumed = once(client, Events.ShardResume);
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here', allowedMentions: quiet });
    };
    fake.disconnectGateway();
    const interaction = fake.dispatchCommand({ name: 'ping', user: alice });
    await resumed;
    await fake.waitFor(() => interaction.original()?.content === 'still here');
    expect(fake.identifies()).toHaveLength(1);
  });

  it('answers channel errors the way Discord does', async () => {
    const { fake, client } = await start();
    const post = (channelId: string) => client.rest.post(Routes.channelMessages(channelId), { body: { content: 'x' } });
    expect(await apiCode(post('399999999999999999'))).toBe(RESTJSONErrorCodes.UnknownChannel);
    fake.setChannelAccess(CHANNEL, 'no-send');
    expect(await apiCode(post(CHANNEL))).toBe(RESTJSONErrorCodes.MissingPermissions);
    fake.setChannelAccess(CHANNEL, 'no-access');
    expect(await apiCode(post(CHANNEL))).toBe(RESTJSONErrorCodes.MissingAccess);
    fake.setChannelAccess(CHANNEL, 'ok');
    expect(await apiCode(client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'x'.repeat(2001) } }))).toBe(
      RESTJSONErrorCodes.InvalidFormBodyOrContentType,
    );
    const sent = (await post(CHANNEL)) as RESTPostAPIChannelMessageResult;
    expect(sent.mention_everyone).toBe(false);
    expect(fake.channelMessages(CHANNEL)[0]?.mentionEveryone).toBe(false);

    const theirs = fake.postUserMessage({ channelId: CHANNEL, user: alice, content: 'mine' });
    const patch = (id: string) => client.rest.patch(Routes.channelMessage(CHANNEL, id), { body: { content: 'edited' } });
    expect(await apiCode(patch(theirs.id))).toBe(RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser);
    fake.deleteMessage(CHANNEL, sent.id);
    expect(await apiCode(patch(sent.id))).toBe(RESTJSONErrorCodes.UnknownMessage);

    expect(await apiCode(client.rest.get('/nowhere' as `/${string}`))).toBe(0);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/nowhere', status: 404, unmatched: true });
  });

  it('computes mentions from allowed_mentions, and DMs land in the DM store', async () => {
    const { fake, client } = await start();
    const everyone = (await client.rest.post(Routes.channelMessages(CHANNEL), {
      body: { content: `@everyone <@${alice.id}>` },
    })) as RESTPostAPIChannelMessageResult;
    expect(everyone.mention_everyone).toBe(true);
    expect(everyone.mentions.map((u) => u.id)).toEqual([alice.id]);

    const user = await client.users.fetch(alice.id).catch(() => undefined);
    expect(user).toBeUndefined(); // unknown until the user has interacted
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand() && !interaction.inGuild()) await interaction.reply({ content: 'in your DMs', allowedMentions: quiet });
    };
    const interaction = fake.dispatchCommand({ name: 'ping', user: alice, guildId: null });
    await fake.waitFor(() => interaction.original());
    const dm = await (await client.users.fetch(alice.id)).send({ content: `hi <@${alice.id}>`, allowedMentions: { users: [alice.id] } });
    expect(dm.channel.isDMBased()).toBe(true);
    expect(fake.dmMessages(alice.id).map((m) => [m.content, m.mentionedUserIds])).toEqual([
      ['in your DMs', []],
      [`hi <@${alice.id}>`, [alice.id]],
    ]);
  });

  it('rejects a bad bot token on REST with 401, which discord.js reports as an invalid token', async () => {
    fake = await startFakeDiscord({ botToken: TOKEN });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
    await expect(client.login('wrong.token.here')).rejects.toThrow(/invalid token/i);
    expect(fake.requests).toEqual([expect.objectContaining({ path: '/gateway/bot', status: 401 })]);
    await expect(fake.waitFor(() => false, 50)).rejects.toThrow(/timed out after 50 ms[\s\S]*GET \/gateway\/bot → 401/);
  });

  it('resolves attachment options to fetchable urls, and takes follow-ups with files', async () => {
    const { fake } = await start();
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: interaction.options.getAttachment('image', true).url, allowedMentions: quiet });
      await interaction.followUp({ content: 'file', files: [{ attachment: Buffer.from('clip'), name: 'clip.txt' }], allowedMentions: quiet });
    };
    const interaction = fake.dispatchCommand({
      name: 'veo',
      options: [{ name: 'prompt', type: 1, options: [{ name: 'image', type: 11, value: 'cat.png' }] }],
      user: alice,
      attachments: [{ filename: 'cat.png', contentType: 'image/png' }],
    });
    const followup = await fake.waitFor(() => interaction.followups()[0]);
    expect(followup.attachments.map((a) => a.filename)).toEqual(['clip.txt']);
    expect(fake.requests.find((r) => r.files.length > 0)?.body).toMatchObject({ content: 'file', allowed_mentions: quiet });
    const image = await fetch(interaction.original()?.content ?? '');
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});

describe('fake Discord gateway, spoken to directly', () => {
  it('says HELLO, acknowledges heartbeats, and closes with 4004 on a bad token', async () => {
    fake = await startFakeDiscord({ botToken: TOKEN, heartbeatIntervalMs: 1000 });
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const frames: { op: number; d: unknown }[] = [];
    socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as { op: number; d: unknown }));
    const closed = once(socket, 'close');
    await fake.waitFor(() => frames.length > 0);
    expect(frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 1000 } });
    socket.send(JSON.stringify({ op: 1, d: null }));
    await fake.waitFor(() => frames.some((f) => f.op === 11));
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = (await closed) as [number];
    expect(code).toBe(4004);
    expect(fake.identifies()).toEqual([{ intents: 1, token: 'wrong' }]);
  });
});

describe('the fake Discord, for files', () => {
  it('tells interactions the upload limit, takes multipart uploads within it, and refuses larger ones with 413 / 40005', async () => {
    const { fake, client } = await start({ attachmentSizeLimit: 1000 });
    let limit: number | undefined;
    onInteraction = async (interaction) => {
      limit = interaction.attachmentSizeLimit;
    };
    fake.dispatchCommand({ name: 'veo', user: alice, channelId: CHANNEL });
    await fake.waitFor(() => limit);
    expect(limit).toBe(1000);

    const post = (size: number) =>
      client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'a file', allowed_mentions: quiet }, files: [{ name: 'v.mp4', data: Buffer.alloc(size) }] });
    const posted = (await post(1000)) as RESTPostAPIChannelMessageResult;
    expect(posted.attachments).toEqual([expect.objectContaining({ filename: 'v.mp4', size: 1000 })]);
    expect(await apiCode(post(1001))).toBe(RESTJSONErrorCodes.RequestEntityTooLarge);
    expect(fake.requests.at(-1)).toMatchObject({ status: 413, files: [{ name: 'v.mp4', size: 1001 }] });

    // An edit listing no attachments replaces them with the new files.
    const edit = client.rest.patch(Routes.channelMessage(CHANNEL, posted.id), {
      body: { attachments: [{ id: 0, filename: 'w.mp4' }] },
      files: [{ name: 'w.mp4', data: Buffer.alloc(10) }],
    });
    expect(((await edit) as RESTPostAPIChannelMessageResult).attachments.map((a) => a.filename)).toEqual(['w.mp4']);
  });

  it('refuses files with 50013 where the bot lacks Attach Files, and still takes text there', async () => {
    const { fake, client } = await start();
    fake.setChannelAccess(CHANNEL, 'no-attach');
    const withFile = client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'x' }, files: [{ name: 'v.mp4', data: Buffer.alloc(10) }] });
    expect(await apiCode(withFile)).toBe(RESTJSONErrorCodes.MissingPermissions);
    await client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'x', allowed_mentions: quiet } });
    expect(fake.channelMessages(CHANNEL)).toHaveLength(1);
  });
});
