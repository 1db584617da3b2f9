import { resumedText } from '../../src/discord/render/limitReplies.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `adjust`: a ledger row for one member, with a reason; positive gives credits back. */
export const runAdjust: AdminRun = async (interaction, admin, deps) => {
  const member = interaction.options.getUser('member', true);
  const amount = interaction.options.getInteger('credits', true);
  const reason = interaction.options.getString('reason', true);
  const { entry, memberUsed, serverUsed } = deps.quotaAdmin.adjust(admin.guildId, member.id, amount, reason, admin.adminId);
  await reportChange(
    interaction,
    admin,
    deps,
    { change: 'adjust', userId: member.id, credits: amount, reason: entry.reason, entryId: entry.id },
    memberSpeaker(interaction)('adjust.done', { userId: member.id, credits: amount, memberUsed, serverUsed }),
  );
};

/** `pause`: new requests are refused; videos already being made still finish. */
export const runPause: AdminRun = async (interaction, admin, deps) => {
  const say = memberSpeaker(interaction);
  if (deps.quotaAdmin.settings(admin.guildId).paused) {
    await replyPrivately(interaction, { content: say('pause.already') });
    return;
  }
  deps.quotaAdmin.pause(admin.guildId, admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'pause' }, say('pause.done'));
};

/** `resume`: undoes `pause`; a budget of 0 still keeps generation off. */
export const runResume: AdminRun = async (interaction, admin, deps) => {
  const say = memberSpeaker(interaction);
  if (!deps.quotaAdmin.settings(admin.guildId).paused) {
    await replyPrivately(interaction, { content: say('resume.notPaused') });
    return;
  }
  const settings = deps.quotaAdmin.resume(admin.guildId, admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'resume' }, resumedText(settings.budget, say));
};
