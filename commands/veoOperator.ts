import { PermissionFlagsBits, type SlashCommandSubcommandBuilder } from 'discord.js';
import { MAX_CREDITS } from '../src/domain/quota/adminInput.js';
import { periods } from '../src/domain/quota/periods.js';
import { UserFacingError } from '../src/domain/errors.js';
import { translator } from '../src/discord/words/catalogue.js';
import { serverCommand, type Command } from './command.js';
import { serverChoices } from './veoOperator/autocomplete.js';
import type { OperatorRun } from './veoOperator/operatorRun.js';
import { runServers, runUsage } from './veoOperator/reports.js';
import { accessRun, runCeiling, runGlobalBudget, runPause, runResume } from './veoOperator/rules.js';

// Registered in the fallback language; Discord shows it to members whose language has no words yet.
const say = translator('en');

const withServer = (sub: SlashCommandSubcommandBuilder) =>
  sub.addStringOption((o) => o.setName('server').setDescription(say('operator.server')).setRequired(true).setAutocomplete(true).setMaxLength(20));

const withLimit = (sub: SlashCommandSubcommandBuilder, words: 'ceiling' | 'global') =>
  sub
    .addIntegerOption((o) => o.setName('amount').setDescription(say(`operator.${words}.amount`)).setMinValue(0).setMaxValue(MAX_CREDITS))
    .addBooleanOption((o) => o.setName('unlimited').setDescription(say(`operator.${words}.unlimited`)))
    .addStringOption((o) =>
      o
        .setName('period')
        .setDescription(say(`operator.${words}.period`))
        .addChoices(...periods.map((period) => ({ name: say('admin.period', { period }), value: period }))),
    );

const data = serverCommand('veo-operator', say('operator.description'))
  // Hidden from everyone but the operator server's admins by default; the bot checks the operator itself.
  .setDefaultMemberPermissions(PermissionFlagsBits.Administrator)
  .addSubcommand((sub) =>
    sub
      .setName('servers')
      .setDescription(say('operator.servers.description'))
      .addIntegerOption((o) => o.setName('page').setDescription(say('operator.servers.page')).setMinValue(1)),
  )
  .addSubcommand((sub) => withLimit(withServer(sub.setName('ceiling').setDescription(say('operator.ceiling.description'))), 'ceiling'))
  .addSubcommand((sub) => withLimit(sub.setName('global-budget').setDescription(say('operator.global.description')), 'global'))
  .addSubcommand((sub) => withServer(sub.setName('allow').setDescription(say('operator.allow.description'))))
  .addSubcommand((sub) => withServer(sub.setName('deny').setDescription(say('operator.deny.description'))))
  .addSubcommand((sub) => sub.setName('pause').setDescription(say('operator.pause.description')))
  .addSubcommand((sub) => sub.setName('resume').setDescription(say('operator.resume.description')))
  .addSubcommand((sub) => sub.setName('usage').setDescription(say('operator.usage.description')))
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
