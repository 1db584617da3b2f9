import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
} from 'discord.js';
import { MAX_CREDITS, MAX_REASON_LENGTH } from '../src/domain/quota/adminInput.js';
import { UserFacingError } from '../src/domain/errors.js';
import { requireGuild } from '../src/discord/interactionInput.js';
import type { Command } from './command.js';
import type { AdminRun } from './veoAdmin/adminRun.js';
import { runAdjust, runPause, runResume } from './veoAdmin/controls.js';
import { runBudget, runConfirmThreshold, runMemberCap, runRoleAllowance } from './veoAdmin/limits.js';
import { runSettings, runUsage } from './veoAdmin/reports.js';

const amount = (description: string, required = false) => (o: SlashCommandIntegerOption) =>
  o.setName('amount').setDescription(description).setRequired(required).setMinValue(0).setMaxValue(MAX_CREDITS);

const data = new SlashCommandBuilder()
  .setName('veo-admin')
  .setDescription("Manage this server's video credits")
  // Stated explicitly because Discord fills these defaults in, and registration compares them.
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setNSFW(false)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub
      .setName('budget')
      .setDescription("Set the server's credit budget per period")
      .addIntegerOption(amount('Credits per period; 0 turns video generation off'))
      .addBooleanOption((o) => o.setName('unlimited').setDescription('No server-wide limit (member caps still apply)'))
      .addStringOption((o) =>
        o
          .setName('period')
          .setDescription('When the budget resets, in UTC (default: the current period)')
          .addChoices({ name: 'day', value: 'day' }, { name: 'week', value: 'week' }, { name: 'month', value: 'month' }),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('member-cap')
      .setDescription("Set the default cap per member, or one member's own cap")
      .addIntegerOption(amount('Credits per period; leave out to remove the cap'))
      .addUserOption((o) => o.setName('member').setDescription("Set this member's own cap instead of the default")),
  )
  .addSubcommand((sub) =>
    sub
      .setName('role-allowance')
      .setDescription('Let members with a role spend up to an amount per period')
      .addRoleOption((o) => o.setName('role').setDescription('The role').setRequired(true))
      .addIntegerOption(amount('Credits per period; 0 removes the allowance', true)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('confirm-threshold')
      .setDescription('Ask members to confirm requests costing at least this much')
      .addIntegerOption(amount('Credits; 0 asks for every request', true)),
  )
  .addSubcommand((sub) => sub.setName('usage').setDescription('Credits used this period: totals, top members, failures and refunds'))
  .addSubcommand((sub) => sub.setName('settings').setDescription('The current budget, caps and allowances'))
  .addSubcommand((sub) =>
    sub
      .setName('adjust')
      .setDescription("Give back or take credits from a member's use this period")
      .addUserOption((o) => o.setName('member').setDescription('The member').setRequired(true))
      .addIntegerOption((o) =>
        o
          .setName('credits')
          .setDescription('Positive gives credits back; negative takes them')
          .setRequired(true)
          .setMinValue(-MAX_CREDITS)
          .setMaxValue(MAX_CREDITS),
      )
      .addStringOption((o) =>
        o.setName('reason').setDescription('Kept in the credit history').setRequired(true).setMaxLength(MAX_REASON_LENGTH),
      ),
  )
  .addSubcommand((sub) => sub.setName('pause').setDescription('Stop new video requests in this server'))
  .addSubcommand((sub) => sub.setName('resume').setDescription('Allow video requests again'))
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
      throw new UserFacingError('not_admin', 'Only members with the Manage Server permission can change video credits.');
    }
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) return;
    await run(guildInteraction, { guildId: guildInteraction.guildId, adminId: interaction.user.id }, deps);
  },
} satisfies Command;
