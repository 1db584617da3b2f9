import type { PrivacyRefusalWords } from '../refusalMessages.js';
import { blockedEntry } from '../blockedEntry.js';
import { number, plural } from './format.js';

const entries = (n: number) => `${number(n)} ${plural(n, { one: 'Eintrag', other: 'Einträge' })}`;

/** Gesperrte Wörter, private Bilder, gelöschte Ergebnisse: die Ablehnungen. */
export const privacyRefusals: PrivacyRefusalWords = {
  prompt_blocked: ({ entry }) => `Dieser Prompt enthält ${blockedEntry(entry)}, was auf diesem Server nicht erlaubt ist. Es wurde nichts reserviert.`,
  blocklist_no_entries: () => 'Geben Sie ein oder mehrere Wörter oder Wendungen ein, durch Kommas getrennt.',
  blocklist_entry_too_long: ({ max }) => `Jedes gesperrte Wort und jede Wendung darf höchstens ${number(max)} Zeichen lang sein; es wurde nichts geändert.`,
  blocklist_entry_no_letters: ({ entry }) => `${blockedEntry(entry)} enthält weder Buchstaben noch Ziffern und könnte nie passen; es wurde nichts hinzugefügt.`,
  blocklist_full: ({ max, count, adding }) =>
    `Die Sperrliste enthält ${entries(count)} von ${number(max)}; ${number(adding)} weitere wären zu viele. Entfernen Sie zuerst einige.`,
  again_images_not_yours: ({ id }) =>
    `Video #${id} wurde aus den Bildern eines anderen Mitglieds gemacht, die nicht wiederverwendet werden: Nutzen Sie stattdessen Remix mit eigenen Bildern.`,
  result_too_old: ({ id }) => `Video #${id} ist zu alt: Sein Prompt und seine Links werden nicht mehr aufbewahrt.`,
};

/** `/veo-admin blocklist …`, die Zeile in den Einstellungen und gelöschte Ergebnisse in `/veo status`. */
export const privacyWords = {
  'admin.blocklist.description': () => 'Wörter und Wendungen, die in Prompts auf diesem Server nicht erlaubt sind',
  'admin.blocklist.add.description': () => 'Wörter oder Wendungen in Prompts sperren',
  'admin.blocklist.remove.description': () => 'Gesperrte Wörter oder Wendungen wieder erlauben',
  'admin.blocklist.list.description': () => 'Die gesperrten Wörter und Wendungen zeigen',
  'admin.blocklist.builtin.description': () => 'Auch die eingebaute Liste englischer Schimpfwörter sperren',
  'admin.blocklist.words': () => 'Wörter oder Wendungen, durch Kommas getrennt',
  'admin.blocklist.enabled': () => 'True nutzt die eingebaute englische Liste, False beendet das',
  'blocklist.added': (p: { added: number; skipped: number; count: number; max: number }) =>
    `${entries(p.added)} gesperrt${p.skipped > 0 ? ` (${number(p.skipped)} standen schon auf der Liste)` : ''}. Die Sperrliste enthält jetzt ${number(p.count)} von ${number(p.max)}; bereits wartende Anfragen werden nicht erneut geprüft.`,
  'blocklist.removed': (p: { removed: number; missing: number; count: number }) =>
    `${entries(p.removed)} wieder erlaubt${p.missing > 0 ? ` (${number(p.missing)} standen nicht auf der Liste)` : ''}. Die Sperrliste enthält jetzt ${entries(p.count)}.`,
  'blocklist.title': (p: { count: number; max: number; page: number; pages: number }) =>
    `Gesperrte Wörter: ${number(p.count)} von ${number(p.max)}${p.pages > 1 ? ` (${p.page}/${p.pages})` : ''}`,
  'blocklist.empty': () => 'Auf diesem Server sind keine Wörter oder Wendungen gesperrt.',
  'blocklist.builtinState': (p: { builtin: boolean }) => (p.builtin ? 'Die eingebaute englische Liste wird auch genutzt.' : 'Die eingebaute englische Liste ist aus.'),
  'blocklist.builtinSet': (p: { enabled: boolean }) =>
    p.enabled
      ? 'Die eingebaute englische Liste wird jetzt zusätzlich zu den eigenen Einträgen dieses Servers genutzt.'
      : 'Die eingebaute englische Liste wird nicht mehr genutzt; die eigenen Einträge dieses Servers gelten weiter.',
  'settings.field.blocklist': () => 'Gesperrte Wörter',
  'settings.blocklist': (p: { count: number; max: number; builtin: boolean }) =>
    `${number(p.count)} von ${number(p.max)} · eingebaute englische Liste ${p.builtin ? 'an' : 'aus'}`,
  'status.erased': (p: { because: 'removed' | 'expired' }) =>
    p.because === 'removed' ? '*Prompt und Links gelöscht*' : '*Prompt und Links nicht mehr aufbewahrt (zu alt)*',
};
