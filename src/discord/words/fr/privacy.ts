import type { PrivacyRefusalWords } from '../refusalMessages.js';
import { blockedEntry } from '../blockedEntry.js';
import { number, plural } from './format.js';

const entries = (n: number) => `${number(n)} ${plural(n, { one: 'entrée', many: 'd’entrées', other: 'entrées' })}`;

/** Mots bloqués, images des membres, résultats effacés : les refus. */
export const privacyRefusals: PrivacyRefusalWords = {
  prompt_blocked: ({ entry }) => `Ce prompt contient ${blockedEntry(entry)}, ce que ce serveur n’autorise pas. Rien n’a été réservé.`,
  blocklist_no_entries: () => 'Saisissez un ou plusieurs mots ou expressions, séparés par des virgules.',
  blocklist_entry_too_long: ({ max }) => `Chaque mot ou expression bloqué peut compter au plus ${number(max)} caractères ; rien n’a été modifié.`,
  blocklist_entry_no_letters: ({ entry }) => `${blockedEntry(entry)} ne contient ni lettre ni chiffre et ne pourrait jamais correspondre ; rien n’a été ajouté.`,
  blocklist_full: ({ max, count, adding }) =>
    `La liste de blocage contient ${entries(count)} sur ${number(max)} ; en ajouter ${number(adding)} dépasserait la limite. Retirez-en d’abord.`,
  again_images_not_yours: ({ id }) =>
    `La vidéo n°${id} a été faite à partir des images d’un autre membre, qui ne sont pas réutilisées : utilisez plutôt Remix avec vos propres images.`,
  result_too_old: ({ id }) => `La vidéo n°${id} est trop ancienne : son prompt et ses liens ne sont plus conservés.`,
};

/** `/veo-admin blocklist …`, sa ligne dans les réglages et les résultats effacés dans `/veo status`. */
export const privacyWords = {
  'admin.blocklist.description': () => 'Mots et expressions interdits dans les prompts sur ce serveur',
  'admin.blocklist.add.description': () => 'Bloquer des mots ou expressions dans les prompts',
  'admin.blocklist.remove.description': () => 'Autoriser de nouveau des mots ou expressions bloqués',
  'admin.blocklist.list.description': () => 'Afficher les mots et expressions bloqués',
  'admin.blocklist.builtin.description': () => 'Bloquer aussi la liste intégrée de jurons anglais',
  'admin.blocklist.words': () => 'Mots ou expressions, séparés par des virgules',
  'admin.blocklist.enabled': () => 'True pour utiliser la liste anglaise intégrée, False pour arrêter',
  'blocklist.added': (p: { added: number; skipped: number; count: number; max: number }) =>
    `${entries(p.added)} ${plural(p.added, { one: 'bloquée', many: 'bloquées', other: 'bloquées' })}${p.skipped > 0 ? ` (${number(p.skipped)} déjà dans la liste)` : ''}. La liste contient maintenant ${number(p.count)} sur ${number(p.max)} ; les demandes déjà en attente ne sont pas revérifiées.`,
  'blocklist.removed': (p: { removed: number; missing: number; count: number }) =>
    `${entries(p.removed)} de nouveau ${plural(p.removed, { one: 'autorisée', many: 'autorisées', other: 'autorisées' })}${p.missing > 0 ? ` (${number(p.missing)} absentes de la liste)` : ''}. La liste contient maintenant ${entries(p.count)}.`,
  'blocklist.title': (p: { count: number; max: number; page: number; pages: number }) =>
    `Mots bloqués : ${number(p.count)} sur ${number(p.max)}${p.pages > 1 ? ` (${p.page}/${p.pages})` : ''}`,
  'blocklist.empty': () => 'Aucun mot ni expression n’est bloqué sur ce serveur.',
  'blocklist.builtinState': (p: { builtin: boolean }) => (p.builtin ? 'La liste anglaise intégrée est aussi utilisée.' : 'La liste anglaise intégrée est désactivée.'),
  'blocklist.builtinSet': (p: { enabled: boolean }) =>
    p.enabled
      ? 'La liste anglaise intégrée est maintenant utilisée en plus des entrées de ce serveur.'
      : 'La liste anglaise intégrée n’est plus utilisée ; les entrées de ce serveur le restent.',
  'settings.field.blocklist': () => 'Mots bloqués',
  'settings.blocklist': (p: { count: number; max: number; builtin: boolean }) =>
    `${number(p.count)} sur ${number(p.max)} · liste anglaise intégrée ${p.builtin ? 'activée' : 'désactivée'}`,
  'status.erased': (p: { because: 'removed' | 'expired' }) =>
    p.because === 'removed' ? '*prompt et liens effacés*' : '*prompt et liens plus conservés (trop ancien)*',
};
