import { PermissionFlagsBits, type SlashCommandSubcommandBuilder } from 'discord.js';
import { MAX_CREDITS } from '../src/domain/quota/adminInput.js';
import { periods } from '../src/domain/quota/periods.js';
import { UserFacingError } from '../src/domain/errors.js';
import { choice, described } from '../src/discord/words/commandLocalizations.js';
import { serverCommand, type Command } from './command.js';
import { serverChoices } from './veoOperator/autocomplete.js';
import type { OperatorRun } from './veoOperator/operatorRun.js';
import { runKeys, runServers, runUsage } from './veoOperator/reports.js';
import { accessRun, runCeiling, runGlobalBudget, runPause, runResume } from './veoOperator/rules.js';

const withServer = (sub: SlashCommandSubcommandBuilder) =>
  sub.addStringOption((o) => described(o.setName('server'), (say) => say('operator.server')).setRequired(true).setAutocomplete(true).setMaxLength(20));

const withLimit = (sub: SlashCommandSubcommandBuilder, words: 'ceiling' | 'global') =>
  sub
    .addIntegerOption((o) => described(o.setName('amount'), (say) => say(`operator.${words}.amount`)).setMinValue(0).setMaxValue(MAX_CREDITS))
    .addBooleanOption((o) => described(o.setName('unlimited'), (say) => say(`operator.${words}.unlimited`)))
    .addStringOption((o) =>
      described(o.setName('period'), (say) => say(`operator.${words}.period`)).addChoices(
        ...periods.map((period) => choice(period, (say) => say('admin.period', { period }))),
      ),
    );

const data = serverCommand('veo-operator', (say) => say('operator.description'))
  // Hidden from everyone but the operator server's admins by default; the bot checks the operator itself.
  .setDefaultMemberPermissions(PermissionFlagsBits.Administrator)
  .addSubcommand((sub) =>
    described(sub.setName('servers'), (say) => say('operator.servers.description')).addIntegerOption((o) =>
      described(o.setName('page'), (say) => say('operator.servers.page')).setMinValue(1),
    ),
  )
  .addSubcommand((sub) => withLimit(withServer(described(sub.setName('ceiling'), (say) => say('operator.ceiling.description'))), 'ceiling'))
  .addSubcommand((sub) => withLimit(described(sub.setName('global-budget'), (say) => say('operator.global.description')), 'global'))
  .addSubcommand((sub) => withServer(described(sub.setName('allow'), (say) => say('operator.allow.description'))))
  .addSubcommand((sub) => withServer(described(sub.setName('deny'), (say) => say('operator.deny.description'))))
  .addSubcommand((sub) => described(sub.setName('pause'), (say) => say('operator.pause.description')))
  .addSubcommand((sub) => described(sub.setName('resume'), (say) => say('operator.resume.description')))
  .addSubcommand((sub) => described(sub.setName('usage'), (say) => say('operator.usage.description')))
  .addSubcommand((sub) => described(sub.setName('keys'), (say) => say('operator.keys.description')))
  .toJSON();

const subcommands: Record<string, OperatorRun> = {
  servers: runServers,
  ceiling: runCeiling,
  'global-budget': runGlobalBudget,
  allow: accessRun(true),
  deny: accessRun(false),
  pause: runPause,
  resume: runResume,
  usage: runUsage,
  keys: runKeys,
};

/** `/veo-operator`: registered in the operator's server only, and answered for the operator only. */
export const veoOperator = {
  data,
  anyServer: true,
  async execute(interaction, deps) {
    // Discord's permission settings are a server's to change: who pays decides, checked here.
    if (!deps.operators.has(interaction.user.id)) throw new UserFacingError('not_operator');
    const run = subcommands[interaction.options.getSubcommand()];
    if (run) await run(interaction, interaction.user.id, deps);
  },
  async autocomplete(interaction, deps) {
    const choices = deps.operators.has(interaction.user.id) ? serverChoices(interaction.client.guilds.cache.values(), interaction.options.getFocused()) : [];
    await interaction.respond(choices);
  },
} satisfies Command;
