import type { RefusalWords } from '../refusalMessages.js';
import { serverNames } from '../serverName.js';
import { number, plural } from './format.js';

const serverName = serverNames('serveur');
type ServerKeyRefusal = Pick<RefusalWords, Extract<keyof RefusalWords, `server_key${string}`>>;

/** Pourquoi la clé propre d’un serveur n’a pas été prise, ou pourquoi ses membres ne peuvent pas lancer de vidéo à cause d’elle. */
export const serverKeyRefusals: ServerKeyRefusal = {
  server_keys_off: () => 'L’opérateur de ce bot ne permet pas aux serveurs d’utiliser leur propre clé nanophoto ; ici, c’est la clé du bot qui paie.',
  server_keys_no_secret: () => 'Les clés propres des serveurs sont désactivées : l’opérateur du bot n’a pas prévu où les conserver en sécurité.',
  server_keys_unusable: () => 'Les clés propres des serveurs ne peuvent être ni lues ni enregistrées pour le moment ; l’opérateur du bot est prévenu. Réessayez plus tard.',
  server_key_malformed: () => 'Cela ne ressemble pas à une clé d’API nanophoto : collez la clé entière, sans espaces.',
  server_key_invalid: () => 'nanophoto n’accepte pas cette clé. Vérifiez que vous avez copié la clé entière depuis votre compte nanophoto.',
  server_key_operators: () => 'Cette clé est l’une des clés du bot lui-même ; collez plutôt la clé propre de votre serveur.',
  server_key_check_unavailable: () => 'Impossible de vérifier la clé auprès de nanophoto pour le moment ; rien n’a été enregistré. Réessayez plus tard.',
  server_key_none: () => 'Ce serveur n’a pas de clé propre à oublier.',
  server_key_required: () => 'Ce serveur ne peut pas encore créer de vidéos : il lui faut sa propre clé nanophoto, que ses admins peuvent ajouter.',
  server_key_locked: () => 'Impossible de créer des vidéos dans ce serveur pour le moment ; l’opérateur du bot est prévenu. Rien n’a été facturé.',
  server_key_paused: () => 'Les vidéos sont en pause dans ce serveur : nanophoto n’accepte plus le compte qui les paie. Les admins du serveur sont prévenus ; rien n’a été facturé.',
};

/** Les commandes `/veo-admin api-key`, leur formulaire, et ce que les réglages et l’opérateur voient des clés des serveurs. */
export const serverKeyWords = {
  'serverKeys.apiKey.description': () => 'La clé d’API nanophoto propre à votre serveur',
  'serverKeys.set.description': () => 'Ajouter la clé nanophoto de votre serveur (formulaire privé) ; elle paie alors chaque vidéo ici',
  'serverKeys.remove.description': () => 'Oublier la clé propre de votre serveur',
  'serverKeys.form.title': () => 'La clé nanophoto de votre serveur',
  'serverKeys.form.label': () => 'Clé d’API',
  'serverKeys.form.description': () => 'Vérifiée auprès de nanophoto, puis enregistrée chiffrée ; jamais réaffichée',
  'serverKeys.set.done': (p: { fingerprint: string; replaced: boolean }) =>
    `${p.replaced ? 'La nouvelle clé de votre serveur fonctionne et remplace l’ancienne' : 'La clé de votre serveur fonctionne'} ; elle est enregistrée chiffrée et désormais affichée seulement comme \`${p.fingerprint}\`. Chaque vidéo de ce serveur est maintenant payée avec elle.`,
  'serverKeys.remove.done': (p: { required: boolean }) =>
    `La clé de votre serveur est oubliée. Les vidéos en cours se terminent avec elle ; ${p.required ? 'les nouvelles demandent une nouvelle clé propre.' : 'les nouvelles sont payées avec la clé du bot.'}`,
  'serverKeys.settings.field': () => 'Clé nanophoto propre',
  'serverKeys.settings.none': (p: { required: boolean }) => (p.required ? 'Aucune : ce serveur en a besoin pour créer des vidéos.' : 'Aucune : la clé du bot paie.'),
  'serverKeys.settings.key': (p: { fingerprint: string; requestsLeft: number; accountEmpty: boolean; refused: boolean }) =>
    `Définie (\`${p.fingerprint}\`) : ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'requête restante', many: 'de requêtes restantes', other: 'requêtes restantes' })} cette heure-ci ; ` +
    (p.refused ? 'nanophoto ne l’accepte plus.' : p.accountEmpty ? 'son compte est vide.' : 'son compte a des crédits.'),
  'serverKeys.operator.ownKey': () => 'paie avec sa propre clé',
  'serverKeys.alert.accountEmpty': (p: { name: string | null; guildId: string }) =>
    `Le compte nanophoto qui paie les vidéos de ${serverName(p.name, p.guildId)} n’a plus de crédits : les vidéos de ses membres attendent qu’il soit rechargé.`,
  'serverKeys.alert.keyRefused': (p: { name: string | null; guildId: string }) =>
    `nanophoto n’accepte plus la clé qui paie les vidéos de ${serverName(p.name, p.guildId)} : les vidéos de ses membres sont en pause. Un admin peut ajouter une clé valide avec /veo-admin api-key set.`,
};
