import { PermissionFlagsBits, type SlashCommandIntegerOption } from 'discord.js';
import { MAX_CREDITS, MAX_REASON_LENGTH } from '../src/domain/quota/adminInput.js';
import { periods } from '../src/domain/quota/periods.js';
import { translator } from '../src/discord/words/catalogue.js';
import { UserFacingError } from '../src/domain/errors.js';
import { requireGuild } from '../src/discord/interactionInput.js';
import { serverCommand, type Command } from './command.js';
import type { AdminRun } from './veoAdmin/adminRun.js';
import { runAdjust, runPause, runResume } from './veoAdmin/controls.js';
import { runBudget, runConfirmThreshold, runMemberCap, runRoleAllowance } from './veoAdmin/limits.js';
import { runSettings, runUsage } from './veoAdmin/reports.js';

// Registered in the fallback language; Discord shows it to members whose language has no words yet.
const say = translator('en');

const amount = (description: string, required = false) => (o: SlashCommandIntegerOption) =>
  o.setName('amount').setDescription(description).setRequired(required).setMinValue(0).setMaxValue(MAX_CREDITS);

const data = serverCommand('veo-admin', say('admin.description'))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub
      .setName('budget')
      .setDescription(say('admin.budget.description'))
      .addIntegerOption(amount(say('admin.budget.amount')))
      .addBooleanOption((o) => o.setName('unlimited').setDescription(say('admin.budget.unlimited')))
      .addStringOption((o) =>
        o
          .setName('period')
          .setDescription(say('admin.budget.period'))
          .addChoices(...periods.map((period) => ({ name: say('admin.period', { period }), value: period }))),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('member-cap')
      .setDescription(say('admin.memberCap.description'))
      .addIntegerOption(amount(say('admin.memberCap.amount')))
      .addUserOption((o) => o.setName('member').setDescription(say('admin.memberCap.member'))),
  )
  .addSubcommand((sub) =>
    sub
      .setName('role-allowance')
      .setDescription(say('admin.roleAllowance.description'))
      .addRoleOption((o) => o.setName('role').setDescription(say('admin.roleAllowance.role')).setRequired(true))
      .addIntegerOption(amount(say('admin.roleAllowance.amount'), true)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('confirm-threshold')
      .setDescription(say('admin.confirmThreshold.description'))
      .addIntegerOption(amount(say('admin.confirmThreshold.amount'), true)),
  )
  .addSubcommand((sub) => sub.setName('usage').setDescription(say('admin.usage.description')))
  .addSubcommand((sub) => sub.setName('settings').setDescription(say('admin.settings.description')))
  .addSubcommand((sub) =>
    sub
      .setName('adjust')
      .setDescription(say('admin.adjust.description'))
      .addUserOption((o) => o.setName('member').setDescription(say('admin.adjust.member')).setRequired(true))
      .addIntegerOption((o) =>
        o
          .setName('credits')
          .setDescription(say('admin.adjust.credits'))
          .setRequired(true)
          .setMinValue(-MAX_CREDITS)
          .setMaxValue(MAX_CREDITS),
      )
      .addStringOption((o) =>
        o.setName('reason').setDescription(say('admin.adjust.reason')).setRequired(true).setMaxLength(MAX_REASON_LENGTH),
      ),
  )
  .addSubcommand((sub) => sub.setName('pause').setDescription(say('admin.pause.description')))
  .addSubcommand((sub) => sub.setName('resume').setDescription(say('admin.resume.description')))
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
};

export const veoAdmin = {
  data,
  async execute(interaction, deps) {
    const guildInteraction = requireGuild(interaction);
    // The default permission is only a default: server admins can grant the command to anyone.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError('not_admin');
    }
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) return;
    await run(guildInteraction, { guildId: guildInteraction.guildId, adminId: interaction.user.id }, deps);
  },
} satisfies Command;
