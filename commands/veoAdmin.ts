import { ChannelType, PermissionFlagsBits, type SlashCommandChannelOption, type SlashCommandIntegerOption } from 'discord.js';
import { MAX_CREDITS, MAX_REASON_LENGTH } from '../src/domain/quota/adminInput.js';
import { periods } from '../src/domain/quota/periods.js';
import type { Translate } from '../src/discord/words/catalogue.js';
import { choice, described } from '../src/discord/words/commandLocalizations.js';
import { UserFacingError } from '../src/domain/errors.js';
import { requireGuild } from '../src/discord/interactionInput.js';
import { serverCommand, type Command } from './command.js';
import type { AdminRun } from './veoAdmin/adminRun.js';
import { runBlocklistAdd, runBlocklistBuiltin, runBlocklistList, runBlocklistRemove } from './veoAdmin/blocklist.js';
import { MAX_BLOCKLIST_OPTION_LENGTH } from '../src/domain/blocklist/blocklistInput.js';
import { apiKeyModal, runApiKeyRemove, runApiKeySet } from './veoAdmin/apiKey.js';
import { runAdjust, runPause, runResume } from './veoAdmin/controls.js';
import { runBudget, runConfirmThreshold, runMemberCap, runRoleAllowance } from './veoAdmin/limits.js';
import { runCooldownClear, runMemberLimit } from './veoAdmin/members.js';
import { runSettings, runUsage } from './veoAdmin/reports.js';
import { MAX_ACTIVE_LIMIT } from '../src/domain/members/memberPolicy.js';
import { approveButton, denyButton, denyReasonModal } from './veoAdmin/approvalButtons.js';
import { runApprovalOff, runApprovalOn, runLogChannelOff, runLogChannelSet } from './veoAdmin/moderation.js';

const amount = (words: (say: Translate) => string, required = false) => (o: SlashCommandIntegerOption) =>
  described(o.setName('amount'), words).setRequired(required).setMinValue(0).setMaxValue(MAX_CREDITS);

/** A channel the bot can post messages in. */
const textChannel = (words: (say: Translate) => string) => (o: SlashCommandChannelOption) =>
  described(o.setName('channel'), words).setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);

const data = serverCommand('veo-admin', (say) => say('admin.description'))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    described(sub.setName('budget'), (say) => say('admin.budget.description'))
      .addIntegerOption(amount((say) => say('admin.budget.amount')))
      .addBooleanOption((o) => described(o.setName('unlimited'), (say) => say('admin.budget.unlimited')))
      .addStringOption((o) =>
        described(o.setName('period'), (say) => say('admin.budget.period'))
          .addChoices(...periods.map((period) => choice(period, (say) => say('admin.period', { period })))),
      ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('member-cap'), (say) => say('admin.memberCap.description'))
      .addIntegerOption(amount((say) => say('admin.memberCap.amount')))
      .addUserOption((o) => described(o.setName('member'), (say) => say('admin.memberCap.member'))),
  )
  .addSubcommand((sub) =>
    described(sub.setName('role-allowance'), (say) => say('admin.roleAllowance.description'))
      .addRoleOption((o) => described(o.setName('role'), (say) => say('admin.roleAllowance.role')).setRequired(true))
      .addIntegerOption(amount((say) => say('admin.roleAllowance.amount'), true)),
  )
  .addSubcommand((sub) =>
    described(sub.setName('confirm-threshold'), (say) => say('admin.confirmThreshold.description'))
      .addIntegerOption(amount((say) => say('admin.confirmThreshold.amount'), true)),
  )
  .addSubcommand((sub) => described(sub.setName('usage'), (say) => say('admin.usage.description')))
  .addSubcommand((sub) => described(sub.setName('settings'), (say) => say('admin.settings.description')))
  .addSubcommand((sub) =>
    described(sub.setName('adjust'), (say) => say('admin.adjust.description'))
      .addUserOption((o) => described(o.setName('member'), (say) => say('admin.adjust.member')).setRequired(true))
      .addIntegerOption((o) =>
        described(o.setName('credits'), (say) => say('admin.adjust.credits'))
          .setRequired(true)
          .setMinValue(-MAX_CREDITS)
          .setMaxValue(MAX_CREDITS),
      )
      .addStringOption((o) =>
        described(o.setName('reason'), (say) => say('admin.adjust.reason')).setRequired(true).setMaxLength(MAX_REASON_LENGTH),
      ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('member-limit'), (say) => say('admin.memberLimit.description')).addIntegerOption((o) =>
      described(o.setName('amount'), (say) => say('admin.memberLimit.amount')).setRequired(true).setMinValue(0).setMaxValue(MAX_ACTIVE_LIMIT),
    ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('cooldown-clear'), (say) => say('admin.cooldownClear.description')).addUserOption((o) =>
      described(o.setName('member'), (say) => say('admin.cooldownClear.member')).setRequired(true),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('pause'), (say) => say('admin.pause.description')))
  .addSubcommand((sub) => described(sub.setName('resume'), (say) => say('admin.resume.description')))
  .addSubcommandGroup((group) =>
    described(group.setName('blocklist'), (say) => say('admin.blocklist.description'))
      .addSubcommand((sub) =>
        described(sub.setName('add'), (say) => say('admin.blocklist.add.description')).addStringOption((o) =>
          described(o.setName('words'), (say) => say('admin.blocklist.words')).setRequired(true).setMaxLength(MAX_BLOCKLIST_OPTION_LENGTH),
        ),
      )
      .addSubcommand((sub) =>
        described(sub.setName('remove'), (say) => say('admin.blocklist.remove.description')).addStringOption((o) =>
          described(o.setName('words'), (say) => say('admin.blocklist.words')).setRequired(true).setMaxLength(MAX_BLOCKLIST_OPTION_LENGTH),
        ),
      )
      .addSubcommand((sub) => described(sub.setName('list'), (say) => say('admin.blocklist.list.description')))
      .addSubcommand((sub) =>
        described(sub.setName('builtin'), (say) => say('admin.blocklist.builtin.description')).addBooleanOption((o) =>
          described(o.setName('enabled'), (say) => say('admin.blocklist.enabled')).setRequired(true),
        ),
      ),
  )
  .addSubcommandGroup((group) =>
    described(group.setName('approval'), (say) => say('admin.approval.description'))
      .addSubcommand((sub) =>
        described(sub.setName('on'), (say) => say('admin.approval.on.description'))
          .addChannelOption(textChannel((say) => say('admin.approval.channel')))
          .addRoleOption((o) => described(o.setName('role'), (say) => say('admin.approval.role'))),
      )
      .addSubcommand((sub) => described(sub.setName('off'), (say) => say('admin.approval.off.description'))),
  )
  .addSubcommandGroup((group) =>
    described(group.setName('log-channel'), (say) => say('admin.logChannel.description'))
      .addSubcommand((sub) =>
        described(sub.setName('set'), (say) => say('admin.logChannel.set.description')).addChannelOption(textChannel((say) => say('admin.logChannel.channel'))),
      )
      .addSubcommand((sub) => described(sub.setName('off'), (say) => say('admin.logChannel.off.description'))),
  )
  .addSubcommandGroup((group) =>
    described(group.setName('api-key'), (say) => say('serverKeys.apiKey.description'))
      .addSubcommand((sub) => described(sub.setName('set'), (say) => say('serverKeys.set.description')))
      .addSubcommand((sub) => described(sub.setName('remove'), (say) => say('serverKeys.remove.description'))),
  )
  .toJSON();

const subcommands: Record<string, AdminRun> = {
  budget: runBudget,
  'member-cap': runMemberCap,
  'role-allowance': runRoleAllowance,
  'confirm-threshold': runConfirmThreshold,
  usage: runUsage,
  settings: runSettings,
  adjust: runAdjust,
  'member-limit': runMemberLimit,
  'cooldown-clear': runCooldownClear,
  pause: runPause,
  resume: runResume,
  'blocklist add': runBlocklistAdd,
  'blocklist remove': runBlocklistRemove,
  'blocklist list': runBlocklistList,
  'blocklist builtin': runBlocklistBuiltin,
  'approval on': runApprovalOn,
  'approval off': runApprovalOff,
  'log-channel set': runLogChannelSet,
  'log-channel off': runLogChannelOff,
  'api-key set': runApiKeySet,
  'api-key remove': runApiKeyRemove,
};

export const veoAdmin = {
  data,
  async execute(interaction, deps) {
    const guildInteraction = requireGuild(interaction);
    // The default permission is only a default: server admins can grant the command to anyone.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError('not_admin');
    }
    const group = interaction.options.getSubcommandGroup(false);
    const subcommand = interaction.options.getSubcommand();
    const run = subcommands[group ? `${group} ${subcommand}` : subcommand];
    if (!run) return;
    await run(guildInteraction, { guildId: guildInteraction.guildId, adminId: interaction.user.id }, deps);
  },
  // The approval channel's buttons: moderators' rights are checked at each press, not by this command's permission.
  buttons: [approveButton, denyButton],
  // The api-key form's submission checks Manage Server again; the Deny form checks a moderator's rights.
  modals: [apiKeyModal, denyReasonModal],
} satisfies Command;
