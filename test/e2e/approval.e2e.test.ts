import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, GUILD_ID, member, showsVideo, startWorld, type BotWorld } from '../support/botHarness.js';
import type { CommandOption, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

const APPROVAL_CHANNEL = '300000000000000002';
const LOG_CHANNEL = '300000000000000003';
const MOD_ROLE = '500000000000000001';
const admin: FakeUser = { id: '200000000000000002', username: 'owner', roleIds: [], permissions: String(1n << 5n) };
const moderator: FakeUser = { id: '200000000000000003', username: 'mod', roleIds: [MOD_ROLE] };
const bystander: FakeUser = { id: '200000000000000004', username: 'bob', roleIds: [] };

type Row = { components: { custom_id: string; label: string }[] };
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
const buttonsOf = (message: FakeMessage) => (message.components as Row[]).flatMap((row) => row.components);
const embedOf = (message: FakeMessage | undefined) => (message?.embeds[0] ?? {}) as Embed;
const text = (message: FakeMessage | undefined) => JSON.stringify(embedOf(message));

async function startModeratedWorld(): Promise<BotWorld> {
  const world = await startWorld({
    discord: {
      guilds: [
        {
          id: GUILD_ID,
          name: 'Test Server',
          channels: [
            { id: CHANNEL_ID, name: 'videos' },
            { id: APPROVAL_CHANNEL, name: 'approvals' },
            { id: LOG_CHANNEL, name: 'video-log' },
          ],
          roles: [{ id: MOD_ROLE, name: 'Moderators' }],
        },
      ],
    },
  });
  await world.discord.waitForReady();
  return world;
}

/** An admin runs `/veo-admin <group> <sub>` and gets its private answer. */
async function runAdmin(world: BotWorld, group: string, sub: string, options: CommandOption[] = []): Promise<FakeMessage> {
  const interaction = world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: group, type: 2, options: [{ name: sub, type: 1, options }] }], user: admin });
  return world.discord.waitFor(() => interaction.ephemeralReplies()[0]);
}

async function approvalMessage(world: BotWorld, index = 0): Promise<FakeMessage> {
  return world.discord.waitFor(() => world.discord.channelMessages(APPROVAL_CHANNEL)[index]);
}

function press(world: BotWorld, message: FakeMessage, label: RegExp, user: FakeUser) {
  const button = buttonsOf(message).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${label}`);
  return world.discord.dispatchButton({ customId: button.custom_id, messageId: message.id, user });
}

describe('moderator approval through Discord', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it("holds a member's request for a moderator, who denies it with a reason through a form", async () => {
    world = await startModeratedWorld();
    const on = await runAdmin(world, 'approval', 'on', [
      { name: 'channel', type: 7, value: APPROVAL_CHANNEL },
      { name: 'role', type: 8, value: MOD_ROLE },
    ]);
    expect(on.content).toMatch(/^Approval is on/);

    const asked = world.prompt('a dragon over @everyone');
    const waiting = await world.discord.waitFor(() => embedOf(asked.original()).title === '🛡️ Waiting for a moderator' && asked.original());
    expect(waiting.ephemeral).toBe(false);
    expect(text(waiting)).toContain('A moderator must approve this request');

    const posted = await approvalMessage(world);
    expect(posted.content).toBe(`<@${member.id}> asked for a video in <#${CHANNEL_ID}>.`);
    // Named, never pinged.
    expect(posted.allowedMentions).toEqual({ parse: [] });
    expect(posted.mentionedUserIds).toEqual([]);
    expect(posted.mentionEveryone).toBe(false);
    expect(embedOf(posted).description).toContain('a dragon over @\u200beveryone');
    expect(buttonsOf(posted).map((b) => b.label)).toEqual(['Approve', 'Deny']);
    expect(world.api.requests).toHaveLength(0);

    // Neither a bystander nor the member decides.
    const byBystander = press(world, posted, /Approve/, bystander);
    expect((await world.discord.waitFor(() => byBystander.ephemeralReplies()[0])).content).toMatch(/^Only moderators can approve or deny/);

    const deny = press(world, posted, /Deny/, moderator);
    const form = await world.discord.waitFor(() => deny.modal());
    expect(form.title).toBe('Deny this video request');
    const submitted = world.discord.submitModal({ interactionId: deny.id, values: { reason: 'too violent for #general' } });
    expect((await world.discord.waitFor(() => submitted.ephemeralReplies()[0])).content).toMatch(/^Denied/);

    const declined = await world.discord.waitFor(() => embedOf(asked.original()).title === '❌ The video could not be made' && asked.original());
    expect(text(declined)).toContain('A moderator declined this request');
    expect(text(declined)).toContain("The moderator's reason: too violent for #general");
    const decided = await world.discord.waitFor(() => {
      const message = world.discord.channelMessages(APPROVAL_CHANNEL)[0];
      return message && message.components.length === 0 && message;
    });
    expect(embedOf(decided).title).toBe('🚫 Video request denied');
    expect(text(decided)).toContain(`Denied by <@${moderator.id}>`);

    // A second press tells the truth.
    const late = world.discord.dispatchButton({ customId: buttonsOf(posted)[0]!.custom_id, messageId: posted.id, user: moderator });
    expect((await world.discord.waitFor(() => late.ephemeralReplies()[0])).content).toBe(`This request was already denied by <@${moderator.id}>.`);
    expect(world.api.requests).toHaveLength(0);
  });

  it('approve sends the request on to the video service; a moderator asks without waiting; the log posts each final request', async () => {
    world = await startModeratedWorld();
    await runAdmin(world, 'approval', 'on', [{ name: 'channel', type: 7, value: APPROVAL_CHANNEL }]);
    await runAdmin(world, 'log-channel', 'set', [{ name: 'channel', type: 7, value: LOG_CHANNEL }]);

    const asked = world.prompt('a quiet lake');
    const posted = await approvalMessage(world);
    // Manage Messages makes a moderator, without the role.
    const approve = press(world, posted, /Approve/, { ...bystander, permissions: String(1n << 13n) });
    await world.discord.waitFor(() => approve.callbacks.length > 0);
    expect(approve.callbacks[0]!.type).toBe(6);
    const made = await world.discord.waitFor(() => showsVideo(asked.original()) && asked.original());
    expect(text(made)).toContain('A moderator approved this request.');
    await world.discord.waitFor(() => embedOf(world.discord.channelMessages(APPROVAL_CHANNEL)[0]).title === '✅ Video request approved');

    const own = world.prompt('a moderator’s own video', [], [], { ...moderator, permissions: String(1n << 13n) });
    await world.discord.waitFor(() => showsVideo(own.original()));
    expect(world.discord.channelMessages(APPROVAL_CHANNEL)).toHaveLength(1);

    const log = await world.discord.waitFor(() => {
      const posts = world.discord.channelMessages(LOG_CHANNEL);
      return posts.length === 2 && posts;
    });
    expect(log.map((post) => embedOf(post).title)).toEqual(['Video request ✅ made', 'Video request ✅ made']);
    expect(log.every((post) => post.mentionedUserIds.length === 0 && JSON.stringify(post.allowedMentions) === '{"parse":[]}')).toBe(true);
    expect(text(log[0])).toContain(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${made.id}`);

    // Delete: the log post and the approval message say it was removed, without the prompt.
    const removed = world.discord.dispatchButton({ customId: buttonsOf(made).find((b) => b.label === 'Delete')!.custom_id, messageId: made.id, user: member });
    await world.discord.waitFor(() => removed.ephemeralReplies()[0]);
    const edited = await world.discord.waitFor(() => {
      const post = world.discord.channelMessages(LOG_CHANNEL)[0];
      return post && post.edits > 0 && post;
    });
    expect(embedOf(edited).description).toBe('This result was removed; its prompt and images are no longer shown.');
    expect(text(edited)).not.toContain('a quiet lake');
    const approvalAfter = await world.discord.waitFor(() => {
      const message = world.discord.channelMessages(APPROVAL_CHANNEL)[0];
      return message && !text(message).includes('a quiet lake') && message;
    });
    expect(embedOf(approvalAfter).description).toMatch(/was removed/);
    expect(world.discord.channelMessages(LOG_CHANNEL)).toHaveLength(2);

    const settings = world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'settings', type: 1 }], user: admin });
    const shown = await world.discord.waitFor(() => settings.ephemeralReplies()[0]);
    expect(text(shown)).toContain(`on, in <#${APPROVAL_CHANNEL}>`);
    expect(text(shown)).toContain(`"name":"Moderators’ log","value":"<#${LOG_CHANNEL}>"`);
  });

  it('releases a waiting request when the bot may not post in the approval channel, and shows admins the problem', async () => {
    world = await startModeratedWorld();
    await runAdmin(world, 'approval', 'on', [{ name: 'channel', type: 7, value: APPROVAL_CHANNEL }]);
    world.discord.setChannelAccess(APPROVAL_CHANNEL, 'no-send');
    const asked = world.prompt('a red kite');
    const released = await world.discord.waitFor(() => embedOf(asked.original()).title === '❌ The video could not be made' && asked.original());
    expect(text(released)).toContain("This server's approval channel is gone or the bot may not post there");
    const settings = world.discord.dispatchCommand({ name: 'veo-admin', options: [{ name: 'settings', type: 1 }], user: admin });
    expect(text(await world.discord.waitFor(() => settings.ephemeralReplies()[0]))).toContain('the bot may not see or post in it');
    expect(world.api.requests).toHaveLength(0);
  });

  it('an approval button pressed after a restart still decides from what is stored', async () => {
    world = await startModeratedWorld();
    await runAdmin(world, 'approval', 'on', [{ name: 'channel', type: 7, value: APPROVAL_CHANNEL }]);
    const asked = world.prompt('a paper boat');
    const posted = await approvalMessage(world);
    await world.restart();
    await world.discord.waitForReady();
    const approve = press(world, posted, /Approve/, { ...moderator, permissions: String(1n << 13n) });
    await world.discord.waitFor(() => approve.callbacks.length > 0);
    await world.discord.waitFor(() => showsVideo(asked.original()) || world.discord.channelMessages(CHANNEL_ID).some((m) => showsVideo(m)));
    expect(world.api.requests.filter((r) => r.endpoint === 'generate')).toHaveLength(1);
  });
});
