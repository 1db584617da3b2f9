import type { keyPoolWords as english } from '../en/keypool.js';
import type { Words } from '../words.js';
import { credits, number, plural, relative } from './format.js';

/** Le groupe de clés de l'opérateur (NANOPHOTO_API_KEYS) : /veo-operator keys et les DM sur une clé. */
export const keyPoolWords = {
  'operator.keys.description': () => "Chaque clé d'API du bot : requêtes restantes cette heure, vide ou en pause",
  'operator.keys.title': (p) => `${number(p.count)} ${plural(p.count, { one: "clé d'API", many: "de clés d'API", other: "clés d'API" })}`,
  'operator.keys.line': (p) =>
    [
      `\`${p.fingerprint}\` : ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'requête restante', many: 'de requêtes restantes', other: 'requêtes restantes' })} cette heure, ` +
        `${number(p.running)} ${plural(p.running, { one: 'vidéo', many: 'de vidéos', other: 'vidéos' })} en cours`,
      p.accountEmpty ? 'son compte est **vide**' : 'son compte a des crédits',
      p.unknownPaused ? 'en **pause** après des résultats inconnus' : '',
      p.rateLimitedUntil ? `le service lui a demandé d'attendre jusqu'à ${relative(p.rateLimitedUntil)}` : '',
    ]
      .filter((part) => part !== '')
      .join(' ; ') + '.',
  'operator.keys.footer': () => "Les clés ne sont montrées que par leur empreinte. /veo-operator resume libère toute clé retenue par un compte vide ou des résultats inconnus.",
  'operator.keys.accountEmptyDm': (p) =>
    `Le compte nanophoto derrière la clé d'API \`${p.keyFingerprint}\` n'a plus de crédits` +
    (p.requiredCredits === null ? '.' : ` (la dernière requête demandait ${credits(p.requiredCredits)}).`) +
    ` Rien n'est envoyé avec cette clé tant qu'elle n'a pas de nouveau des crédits ; ${plural(p.otherKeys, { one: "l'autre clé continue", many: `les ${number(p.otherKeys)} autres clés continuent`, other: `les ${number(p.otherKeys)} autres clés continuent` })}, et les membres n'attendent que si toutes les clés sont retenues.` +
    ` Les requêtes en attente demandent ${credits(p.waitingCredits)} au total.` +
    ' Rechargez le compte, puis lancez /veo-operator resume, ou le bot réessaie cette clé de lui-même à intervalles réguliers.',
  'operator.keys.unknownOutcomesDm': (p) =>
    `Les envois avec la clé d'API \`${p.keyFingerprint}\` sont en pause : les ${number(p.count)} ${plural(p.count, { one: 'dernière requête vidéo', many: 'de dernières requêtes vidéo', other: 'dernières requêtes vidéo' })} faites avec elle n'ont pas reçu de réponse claire` +
    " (délai dépassé, connexion coupée ou réponse illisible pour le bot). Le service les a peut-être facturées : vos plafonds et le budget global les comptent, les membres ne sont pas débités." +
    ` ${plural(p.otherKeys, { one: "L'autre clé continue", many: `Les ${number(p.otherKeys)} autres clés continuent`, other: `Les ${number(p.otherKeys)} autres clés continuent` })}. Vérifiez le service vidéo, puis lancez /veo-operator resume.`,
} satisfies Words<typeof english>;
