import { credits } from '../../src/discord/render/credits.js';
import { replyPrivately } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `adjust`: a ledger row for one member, with a reason; positive gives credits back. */
export const runAdjust: AdminRun = async (interaction, admin, deps) => {
  const member = interaction.options.getUser('member', true);
  const amount = interaction.options.getInteger('credits', true);
  const reason = interaction.options.getString('reason', true);
  const { entry, memberUsed, serverUsed } = deps.quota.adjust(admin.guildId, member.id, amount, reason, admin.adminId);
  const who = `<@${member.id}>`;
  const what = amount > 0 ? `Gave ${credits(amount)} back to ${who}` : `Took ${credits(-amount)} from ${who}`;
  await reportChange(
    interaction,
    admin,
    deps,
    { change: 'adjust', userId: member.id, credits: amount, reason: entry.reason, entryId: entry.id },
    `${what}. They have now used ${credits(memberUsed)} this period; the server ${credits(serverUsed)}.`,
  );
};

/** `pause`: new requests are refused; videos already being made still finish. */
export const runPause: AdminRun = async (interaction, admin, deps) => {
  if (deps.quota.settings(admin.guildId).paused) {
    await replyPrivately(interaction, { content: 'Video generation was already paused; nothing changed.' });
    return;
  }
  deps.quota.pause(admin.guildId, admin.adminId);
  await reportChange(
    interaction,
    admin,
    deps,
    { change: 'pause' },
    'Video generation is paused in this server: new requests are refused until you run /veo-admin resume. Videos already being made will finish.',
  );
};

/** `resume`: undoes `pause`; a budget of 0 still keeps generation off. */
export const runResume: AdminRun = async (interaction, admin, deps) => {
  if (!deps.quota.settings(admin.guildId).paused) {
    await replyPrivately(interaction, { content: 'Video generation was not paused; nothing changed.' });
    return;
  }
  const settings = deps.quota.resume(admin.guildId, admin.adminId);
  const content =
    settings.budget === 0
      ? 'Resumed, but the budget is 0 credits, so video generation stays off until you set a budget.'
      : 'Video generation resumed: members can make videos again.';
  await reportChange(interaction, admin, deps, { change: 'resume' }, content);
};
