import { z } from 'zod';
import { refuse } from '../errors.js';
import { foldedEntry } from './blocklistMatcher.js';

export const MAX_BLOCKLIST_ENTRIES = 500;
export const MAX_BLOCKLIST_ENTRY_LENGTH = 100;
/** What Discord lets an option hold: the comma-separated entries of one command. */
export const MAX_BLOCKLIST_OPTION_LENGTH = 6000;

/** An entry as stored and compared: compatibility forms unified, case ignored, outer spaces gone. */
export const normalEntry = (entry: string): string => entry.normalize('NFKC').trim().toLowerCase();

const entrySchema = z
  .string()
  .max(MAX_BLOCKLIST_ENTRY_LENGTH, { error: 'too_long' })
  .refine((entry) => foldedEntry(entry) !== '', { error: 'no_letters' });

/**
 * The entries an admin typed, comma-separated: each normalised, checked, once. A refusal names the
 * first entry that is too long or holds no letter or digit (it could never match anything).
 */
export function blocklistEntries(typed: string): string[] {
  const entries = [...new Set(typed.split(/[,，、]/).map(normalEntry).filter((entry) => entry !== ''))];
  if (entries.length === 0) refuse('blocklist_no_entries');
  for (const entry of entries) {
    const parsed = entrySchema.safeParse(entry);
    if (parsed.success) continue;
    if (parsed.error.issues[0]?.message === 'too_long') refuse('blocklist_entry_too_long', { max: MAX_BLOCKLIST_ENTRY_LENGTH });
    refuse('blocklist_entry_no_letters', { entry });
  }
  return entries;
}
