import type { BlocklistRepo } from '../../../db/blocklistRepo.js';
import type { Transaction } from '../../../db/repos.js';
import { refuse } from '../errors.js';
import type { Clock } from '../ports.js';
import { blocklistEntries, MAX_BLOCKLIST_ENTRIES, normalEntry } from './blocklistInput.js';
import { createBlocklistMatcher, type BlocklistMatcher } from './blocklistMatcher.js';

export type Blocklists = ReturnType<typeof createBlocklists>;

export interface BlocklistSummary {
  count: number;
  max: number;
  builtin: boolean;
}

/**
 * Each server's blocked words: what admins add and remove, and the check every prompt passes
 * before anything is reserved. A server's matcher is built once and kept until its list changes.
 */
export function createBlocklists({ repo, transaction, clock }: { repo: BlocklistRepo; transaction: Transaction; clock: Clock }) {
  const matchers = new Map<string, BlocklistMatcher | null>();

  function matcherOf(guildId: string): BlocklistMatcher | null {
    if (!matchers.has(guildId)) {
      const entries = repo.entries(guildId);
      const builtin = repo.builtin(guildId);
      matchers.set(guildId, entries.length > 0 || builtin ? createBlocklistMatcher(entries, builtin) : null);
    }
    return matchers.get(guildId)!;
  }

  const changed = (guildId: string) => matchers.delete(guildId);

  return {
    /** Refuses, naming the entry, when any of the texts holds one of the server's blocked entries. */
    check(guildId: string, texts: readonly string[]): void {
      const matcher = matcherOf(guildId);
      if (!matcher) return;
      for (const text of new Set(texts)) {
        const entry = matcher.firstMatch(text);
        if (entry !== null) refuse('prompt_blocked', { entry });
      }
    },

    /** Adds the typed entries; those already there are skipped. The list never holds more than MAX_BLOCKLIST_ENTRIES. */
    add(guildId: string, typed: string, adminId: string): { added: string[]; skipped: number; count: number } {
      const entries = blocklistEntries(typed);
      return transaction(() => {
        const existing = new Set(repo.entries(guildId));
        const fresh = entries.filter((entry) => !existing.has(entry));
        if (existing.size + fresh.length > MAX_BLOCKLIST_ENTRIES) {
          refuse('blocklist_full', { max: MAX_BLOCKLIST_ENTRIES, count: existing.size, adding: fresh.length });
        }
        const added = repo.add(guildId, fresh, adminId, clock.now());
        changed(guildId);
        return { added, skipped: entries.length - added.length, count: existing.size + added.length };
      });
    },

    /** Removes the typed entries that are on the list. */
    remove(guildId: string, typed: string): { removed: number; missing: number; count: number } {
      const entries = [...new Set(typed.split(/[,，、]/).map(normalEntry).filter((entry) => entry !== ''))];
      if (entries.length === 0) refuse('blocklist_no_entries');
      return transaction(() => {
        const removed = repo.remove(guildId, entries);
        changed(guildId);
        return { removed, missing: entries.length - removed, count: repo.count(guildId) };
      });
    },

    list(guildId: string): string[] {
      return repo.entries(guildId);
    },

    setBuiltin(guildId: string, enabled: boolean, adminId: string): void {
      repo.setBuiltin(guildId, enabled, adminId, clock.now());
      changed(guildId);
    },

    summary(guildId: string): BlocklistSummary {
      return { count: repo.count(guildId), max: MAX_BLOCKLIST_ENTRIES, builtin: repo.builtin(guildId) };
    },
  };
}
