import type { APIEmbed } from 'discord.js';
import type { KeyOverview } from '../../domain/keyPool.js';
import type { OperatorUsage, ServerOverview } from '../../domain/operator/operatorControls.js';
import type { Translate } from '../words/catalogue.js';
import { colors, fitLines } from './format.js';
import { discordLimits } from './discordLimits.js';

export const SERVERS_PER_PAGE = 10;

const TOP_SERVERS = 15;

export interface ServersPage {
  /** `ownKey`: the server pays with its own nanophoto key. */
  servers: (ServerOverview & { name: string | null; ownKey?: boolean })[];
  count: number;
  page: number;
  pages: number;
  paused: boolean;
  accountEmpty: boolean;
  /** Submissions on the key paused after unknown outcomes. */
  unknownPaused: boolean;
}

/** `/veo-operator servers`: one page of every server the bot is in. */
export function renderServers(view: ServersPage, say: Translate): APIEmbed {
  const lines = view.servers.map((s) => {
    const line = say('operator.servers.line', {
      name: s.name,
      guildId: s.guildId,
      budget: s.budget,
      period: s.period,
      ceiling: s.ceiling.amount,
      ceilingPeriod: s.ceiling.period,
      used: s.used,
      paused: s.paused,
      allowed: s.allowed,
      lastActivity: s.lastActivity,
    });
    return s.ownKey ? `${line}\n${say('serverKeys.operator.ownKey')}` : line;
  });
  const state = say('operator.servers.state', { paused: view.paused, accountEmpty: view.accountEmpty, unknownPaused: view.unknownPaused });
  const body = lines.length === 0 ? say('operator.servers.none') : lines.join('\n\n');
  const description = fitLines([...(state ? [state, ''] : []), ...body.split('\n')], discordLimits.embedDescription, (count) => say('list.more', { count }));
  return {
    title: say('operator.servers.title', { count: view.count, page: view.page, pages: view.pages }),
    description,
    color: view.paused || view.accountEmpty || view.unknownPaused ? colors.idle : colors.working,
  };
}

/** `/veo-operator usage`: what the vendor charged this period, in total and per server. */
export function renderOperatorUsage(usage: OperatorUsage, nameOf: (guildId: string) => string | null, say: Translate): APIEmbed {
  const count = (value: number) => say('number', { value });
  const servers = usage.servers
    .slice(0, TOP_SERVERS)
    .map((s, i) => say('operator.usage.server', { rank: i + 1, name: nameOf(s.guildId), guildId: s.guildId, charged: s.charged, refunded: s.refunded }));
  return {
    title: say('operator.usage.title', { period: usage.period }),
    description: say('operator.usage.total', { total: usage.total, budget: usage.globalBudget, resetsAt: usage.resetsAt }),
    color: colors.working,
    fields: [
      { name: say('operator.usage.field.refunded'), value: say('credits.amount', { credits: usage.refunded }), inline: true },
      { name: say('operator.usage.field.generations'), value: count(usage.generations), inline: true },
      { name: say('operator.usage.field.releases'), value: count(usage.releases), inline: true },
      ...(usage.unknowns === 0
        ? []
        : [{ name: say('operator.usage.field.unknowns'), value: say('operator.usage.unknowns', { count: usage.unknowns, credits: usage.unknownCredits }), inline: true }]),
      {
        name: say('operator.usage.field.servers'),
        value: servers.length === 0 ? say('operator.usage.nobody') : fitLines(servers, discordLimits.fieldValue, (more) => say('list.more', { count: more })),
      },
    ],
    footer: { text: say('operator.usage.footer', { periodKey: usage.periodKey }) },
  };
}

/** `/veo-operator keys`: each of the operator's API keys, by fingerprint, with its requests left and holds. */
export function renderKeys(keys: readonly KeyOverview[], say: Translate): APIEmbed {
  const lines = keys.map((key) => say('operator.keys.line', key));
  const held = keys.some((key) => key.accountEmpty || key.unknownPaused || key.rateLimitedUntil !== null);
  return {
    title: say('operator.keys.title', { count: keys.length }),
    description: fitLines(lines, discordLimits.embedDescription, (count) => say('list.more', { count })),
    footer: { text: say('operator.keys.footer') },
    color: held ? colors.idle : colors.working,
  };
}
