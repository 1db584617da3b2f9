import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, CHANNEL_ID, member, startWorld, type BotWorld } from '../support/botHarness.js';
import { modalFields, type FakeInteraction, type FakeMessage, type FakeUser } from '../support/fakeDiscord/index.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';

const admin: FakeUser = { id: '200000000000000002', username: 'ada', roleIds: [], permissions: '32' };
const SERVER_KEY = 'np-live-server-key-0123456789abcdef';
const secret = randomBytes(32).toString('base64');

type Embed = { fields?: { name: string; value: string }[] };
const checks = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'check-status');

const apiKeyCommand = (world: BotWorld, subcommand: 'set' | 'remove', by: FakeUser = admin): FakeInteraction =>
  world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'api-key', type: 2, options: [{ name: subcommand, type: 1 }] }], user: by, channelId: CHANNEL_ID });

async function answer(world: BotWorld, interaction: FakeInteraction): Promise<FakeMessage> {
  const reply = await world.discord.waitFor(() => {
    const found = interaction.ephemeralReplies()[0];
    // A deferred answer is empty until it is edited.
    return found && (found.content !== '' || found.embeds.length > 0) && found;
  });
  expect(reply.allowedMentions).toEqual({ parse: [] });
  return reply;
}

/** The admin opens the form and pastes `key`; resolves with the private answer. */
async function pasteKey(world: BotWorld, key: string): Promise<FakeMessage> {
  const form = apiKeyCommand(world, 'set');
  await world.discord.waitFor(() => form.modal());
  const [field] = modalFields(form.modal()!);
  return answer(world, world.discord.submitModal({ interactionId: form.id, values: { [field!.customId]: key } }));
}

describe("a server's own key end to end", () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('is pasted in a form (never a slash option), checked once, stored sealed, and shown only by fingerprint', async () => {
    world = await startWorld({ env: { KEY_ENCRYPTION_SECRET: secret }, api: { apiKeys: [API_KEY, SERVER_KEY] } });
    const form = apiKeyCommand(world, 'set');
    await world.discord.waitFor(() => form.modal());
    // The form is the command's first and only answer; nothing asked the vendor yet.
    expect(form.callbacks.map((c) => c.type)).toEqual([9]);
    expect(checks(world)).toHaveLength(0);
    const fields = modalFields(form.modal()!);
    expect(fields.map((f) => [f.label, f.type])).toEqual([['API key', 4]]);
    expect(fields[0]!.component).toMatchObject({ style: 1, required: true, min_length: 8, max_length: 200 });

    const submitted = world.discord.submitModal({ interactionId: form.id, values: { [fields[0]!.customId]: SERVER_KEY } });
    const done = await answer(world, submitted);
    const fingerprint = fingerprintOf(SERVER_KEY);
    expect(done.content).toContain(`\`${fingerprint}\``);
    expect(done.content).not.toContain(SERVER_KEY);
    expect(checks(world).map((r) => [r.key, r.status])).toEqual([[SERVER_KEY, 404]]);

    const settings = await answer(world, world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'settings', type: 1 }], user: admin, channelId: CHANNEL_ID }));
    const keyField = (settings.embeds[0] as Embed).fields?.find((f) => f.name === 'Own nanophoto key');
    expect(keyField?.value).toBe(`Set (\`${fingerprint}\`): 99 requests left this hour; its account has credits.`);
    expect(JSON.stringify(settings)).not.toContain(SERVER_KEY);
    expect(world.logs.join('\n')).not.toContain(SERVER_KEY);

    const removed = await answer(world, apiKeyCommand(world, 'remove'));
    expect(removed.content).toMatch(/^Your server’s key is forgotten\./);
  });

  it('that nanophoto refuses is not stored; a busy vendor gets "try again later"', async () => {
    world = await startWorld({ env: { KEY_ENCRYPTION_SECRET: secret }, api: { apiKeys: [API_KEY, SERVER_KEY] } });
    expect((await pasteKey(world, 'np-live-not-a-real-key-000000')).content).toBe(
      'nanophoto does not accept that key. Check that you copied the whole key from your nanophoto account.',
    );
    world.api.injectFault('check-status', { kind: 'status', status: 503, errorCode: 'INTERNAL_ERROR' });
    expect((await pasteKey(world, SERVER_KEY)).content).toBe('Could not check the key with nanophoto right now; nothing was stored. Try again later.');
    expect((await pasteKey(world, API_KEY)).content).toBe("That key is one of the bot's own keys; paste your server's own key instead.");
    const settings = await answer(world, world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'settings', type: 1 }], user: admin, channelId: CHANNEL_ID }));
    expect((settings.embeds[0] as Embed).fields?.find((f) => f.name === 'Own nanophoto key')?.value).toBe('None: the bot’s key pays.');
  });

  it('without KEY_ENCRYPTION_SECRET, the command says server keys are off and opens no form', async () => {
    world = await startWorld();
    const command = apiKeyCommand(world, 'set');
    const reply = await answer(world, command);
    expect(reply.content).toBe("Servers' own keys are off: the bot's operator has not set up where to keep them safely.");
    expect(command.modal()).toBeUndefined();
  });

  it('is for Manage Server only', async () => {
    world = await startWorld({ env: { KEY_ENCRYPTION_SECRET: secret } });
    const reply = await answer(world, apiKeyCommand(world, 'set', member));
    expect(reply.content).toBe('Only members with the Manage Server permission can change video credits.');
  });

  it('SERVER_KEYS=required: a server without its own key cannot make videos, until its admins add one', async () => {
    world = await startWorld({ env: { KEY_ENCRYPTION_SECRET: secret, SERVER_KEYS: 'required' }, api: { apiKeys: [API_KEY, SERVER_KEY] } });
    const refused = await answer(world, world.prompt('a fox in the snow'));
    expect(refused.content).toBe('This server cannot make videos yet: it needs its own nanophoto key, which its admins can add.');
    expect(world.api.requests.filter((r) => r.endpoint === 'generate')).toHaveLength(0);
    await pasteKey(world, SERVER_KEY);
    const started = world.prompt('a fox in the snow');
    await world.discord.waitFor(() => started.publicReplies()[0]);
  });
});
