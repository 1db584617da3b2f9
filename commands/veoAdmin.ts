import { PermissionFlagsBits, type SlashCommandIntegerOption } from 'discord.js';
import { MAX_CREDITS, MAX_REASON_LENGTH } from '../src/domain/quota/adminInput.js';
import { periods } from '../src/domain/quota/periods.js';
import type { Translate } from '../src/discord/words/catalogue.js';
import { choice, described } from '../src/discord/words/commandLocalizations.js';
import { UserFacingError } from '../src/domain/errors.js';
import { requireGuild } from '../src/discord/interactionInput.js';
import { serverCommand, type Command } from './command.js';
import type { AdminRun } from './veoAdmin/adminRun.js';
import { apiKeyModal, runApiKeyRemove, runApiKeySet } from './veoAdmin/apiKey.js';
import { runAdjust, runPause, runResume } from './veoAdmin/controls.js';
import { runBudget, runConfirmThreshold, runMemberCap, runRoleAllowance } from './veoAdmin/limits.js';
import { runSettings, runUsage } from './veoAdmin/reports.js';

const amount = (words: (say: Translate) => string, required = false) => (o: SlashCommandIntegerOption) =>
  described(o.setName('amount'), words).setRequired(required).setMinValue(0).setMaxValue(MAX_CREDITS);

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
  .addSubcommand((sub) => described(sub.setName('pause'), (say) => say('admin.pause.description')))
  .addSubcommand((sub) => described(sub.setName('resume'), (say) => say('admin.resume.description')))
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
  pause: runPause,
  resume: runResume,
  'api-key set': runApiKeySet,
  'api-key remove': runApiKeyRemove,
};

export const veoAdmin = {
  data,
  modals: [apiKeyModal],
  async execute(interaction, deps) {
    const guildInteraction = requireGuild(interaction);
    // The default permission is only a default: server admins can grant the command to anyone.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError('not_admin');
    }
    const group = interaction.options.getSubcommandGroup(false);
    const run = subcommands[group ? `${group} ${interaction.options.getSubcommand()}` : interaction.options.getSubcommand()];
    if (!run) return;
    await run(guildInteraction, { guildId: guildInteraction.guildId, adminId: interaction.user.id }, deps);
  },
} satisfies Command;
