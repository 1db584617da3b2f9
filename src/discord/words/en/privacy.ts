import type { PrivacyRefusalWords } from '../refusalMessages.js';
import { blockedEntry } from '../blockedEntry.js';
import { number, plural } from './format.js';

const entries = (n: number) => `${number(n)} ${plural(n, { one: 'entry', other: 'entries' })}`;

/** Blocked words, members' images kept private, erased results: the refusals. */
export const privacyRefusals: PrivacyRefusalWords = {
  prompt_blocked: ({ entry }) => `This prompt contains ${blockedEntry(entry)}, which this server does not allow. Nothing was reserved.`,
  blocklist_no_entries: () => 'Type one or more words or phrases, separated by commas.',
  blocklist_entry_too_long: ({ max }) => `Each blocked word or phrase can be at most ${number(max)} characters long; nothing was changed.`,
  blocklist_entry_no_letters: ({ entry }) => `${blockedEntry(entry)} has no letters or digits, so it could never match; nothing was added.`,
  blocklist_full: ({ max, count, adding }) =>
    `The blocklist holds ${entries(count)} of ${number(max)}; adding ${number(adding)} more would go over. Remove some first.`,
  again_images_not_yours: ({ id }) => `Video #${id} was made from another member's images, which are not reused: use Remix with your own images instead.`,
  result_too_old: ({ id }) => `Video #${id} is too old: its prompt and links are no longer kept.`,
};

/** `/veo-admin blocklist …`, its line in the settings, and erased results in `/veo status`. */
export const privacyWords = {
  'admin.blocklist.description': () => 'Words and phrases not allowed in prompts in this server',
  'admin.blocklist.add.description': () => 'Block words or phrases in prompts',
  'admin.blocklist.remove.description': () => 'Allow blocked words or phrases again',
  'admin.blocklist.list.description': () => 'Show the blocked words and phrases',
  'admin.blocklist.builtin.description': () => 'Also block the built-in list of English swear words',
  'admin.blocklist.words': () => 'Words or phrases, separated by commas',
  'admin.blocklist.enabled': () => 'True to use the built-in English list, False to stop using it',
  'blocklist.added': (p: { added: number; skipped: number; count: number; max: number }) =>
    `Blocked ${entries(p.added)}${p.skipped > 0 ? ` (${number(p.skipped)} already on the list)` : ''}. The blocklist now holds ${number(p.count)} of ${number(p.max)}; requests already waiting are not checked again.`,
  'blocklist.removed': (p: { removed: number; missing: number; count: number }) =>
    `Allowed ${entries(p.removed)} again${p.missing > 0 ? ` (${number(p.missing)} not on the list)` : ''}. The blocklist now holds ${entries(p.count)}.`,
  'blocklist.title': (p: { count: number; max: number; page: number; pages: number }) =>
    `Blocked words: ${number(p.count)} of ${number(p.max)}${p.pages > 1 ? ` (${p.page}/${p.pages})` : ''}`,
  'blocklist.empty': () => 'No words or phrases are blocked in this server.',
  'blocklist.builtinState': (p: { builtin: boolean }) => (p.builtin ? 'The built-in English list is used too.' : 'The built-in English list is off.'),
  'blocklist.builtinSet': (p: { enabled: boolean }) =>
    p.enabled ? 'The built-in English list is now used too, besides this server’s own entries.' : 'The built-in English list is no longer used; this server’s own entries still are.',
  'settings.field.blocklist': () => 'Blocked words',
  'settings.blocklist': (p: { count: number; max: number; builtin: boolean }) =>
    `${number(p.count)} of ${number(p.max)} · built-in English list ${p.builtin ? 'on' : 'off'}`,
  'status.erased': (p: { because: 'removed' | 'expired' }) =>
    p.because === 'removed' ? '*prompt and links erased*' : '*prompt and links no longer kept (too old)*',
};
