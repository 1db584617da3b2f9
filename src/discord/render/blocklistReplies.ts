import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { BlocklistSummary } from '../../domain/blocklist/blocklists.js';
import { blockedEntry } from '../words/blockedEntry.js';
import type { Translate } from '../words/catalogue.js';
import { colors } from './format.js';
import { discordLimits } from './discordLimits.js';

// Room for the line that says whether the built-in list is on, under the entries.
const PAGE_ROOM = discordLimits.embedDescription - 200;

/** `/veo-admin blocklist list`: every entry, one a line, over as many private pages as they take. */
export function renderBlocklist(entries: readonly string[], summary: BlocklistSummary, say: Translate): APIEmbed[] {
  const builtin = say('blocklist.builtinState', { builtin: summary.builtin });
  if (entries.length === 0) return [{ title: say('blocklist.title', { count: 0, max: summary.max, page: 1, pages: 1 }), description: `${say('blocklist.empty')}\n${builtin}`, color: colors.idle }];
  const pages: string[][] = [[]];
  let used = 0;
  for (const entry of entries) {
    const line = `• ${blockedEntry(entry)}`;
    if (used + line.length + 1 > PAGE_ROOM) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(line);
    used += line.length + 1;
  }
  return pages.map((lines, index) => ({
    title: say('blocklist.title', { count: entries.length, max: summary.max, page: index + 1, pages: pages.length }),
    description: `${lines.join('\n')}\n\n${builtin}`,
    color: colors.idle,
  }));
}

/** The blocklist's line in `/veo-admin settings`. */
export const blocklistSettingField = (summary: BlocklistSummary, say: Translate): APIEmbedField => ({
  name: say('settings.field.blocklist'),
  value: say('settings.blocklist', summary),
  inline: true,
});
