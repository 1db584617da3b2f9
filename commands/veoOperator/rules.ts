import { readAmountOrUnlimited } from '../../src/discord/interactionInput.js';
import { memberSpeaker } from '../../src/discord/replies.js';
import { reportOperatorChange, serverOption, type OperatorRun } from './operatorRun.js';

/** `ceiling`: the most one server's admins may set as their budget. */
export const runCeiling: OperatorRun = async (interaction, operatorId, deps) => {
  const { guildId, name } = serverOption(interaction);
  const limit = deps.operator.setCeiling(guildId, readAmountOrUnlimited(interaction), interaction.options.getString('period'), operatorId);
  const content = memberSpeaker(interaction)('operator.ceiling.set', { name, guildId, ceiling: limit.amount, period: limit.period });
  await reportOperatorChange(interaction, operatorId, deps, { change: 'ceiling', guildId, ...limit }, content);
};

/** `global-budget`: the most all servers together may spend. */
export const runGlobalBudget: OperatorRun = async (interaction, operatorId, deps) => {
  const limit = deps.operator.setGlobalBudget(readAmountOrUnlimited(interaction), interaction.options.getString('period'), operatorId);
  const content = memberSpeaker(interaction)('operator.global.set', { budget: limit.amount, period: limit.period });
  await reportOperatorChange(interaction, operatorId, deps, { change: 'global_budget', ...limit }, content);
};

/** `allow` / `deny`: whether a server may use the bot at all. */
export const accessRun =
  (allowed: boolean): OperatorRun =>
  async (interaction, operatorId, deps) => {
    const { guildId, name } = serverOption(interaction);
    const changed = deps.operator.setAccess(guildId, allowed, operatorId);
    const content = memberSpeaker(interaction)('operator.access.set', { name, guildId, allowed, changed });
    await reportOperatorChange(interaction, operatorId, deps, { change: allowed ? 'allow' : 'deny', guildId }, content);
  };

/** `pause`: no new video in any server; running ones finish. */
export const runPause: OperatorRun = async (interaction, operatorId, deps) => {
  const say = memberSpeaker(interaction);
  const changed = deps.operator.pause(operatorId);
  await reportOperatorChange(interaction, operatorId, deps, { change: 'pause', changed }, say(changed ? 'operator.pause.done' : 'operator.pause.already'));
};

/** `resume`: lifts the operator's pause, an empty account's hold and a key's pause after unknown outcomes, then tries the queue at once. */
export const runResume: OperatorRun = async (interaction, operatorId, deps) => {
  const result = deps.operator.resume(operatorId);
  await reportOperatorChange(interaction, operatorId, deps, { change: 'resume', ...result }, memberSpeaker(interaction)('operator.resume.done', result));
  if (result.wasEmpty || result.wasUnknownPaused) await deps.wake();
};
