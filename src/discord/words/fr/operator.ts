import type { Period } from '../../../domain/quota/periods.js';
import type { operatorWords as english } from '../en/operator.js';
import type { Words } from '../words.js';
import { credits, number, perPeriod, plural, relative, thisPeriod } from './format.js';
import { serverNames } from '../serverName.js';

/** Le nom d’un serveur est le texte de ses admins : affiché en texte brut, jamais comme balisage, et raccourci. */
const serverName = serverNames('serveur');
const limit = (amount: number | null, period: Period) => (amount === null ? 'illimité' : perPeriod(amount, period));

/** Ce que /veo-operator montre à l’opérateur, et ce que le bot lui dit en message privé. */
export const operatorWords = {
  'operator.description': () => 'Gérer tous les serveurs : plafonds, budget global, accès et pauses',
  'operator.servers.description': () => 'Tous les serveurs du bot, avec budget, plafond et consommation',
  'operator.servers.page': () => 'Numéro de page (10 serveurs par page)',
  'operator.ceiling.description': () => 'Le budget maximal que les admins d’un serveur peuvent fixer',
  'operator.ceiling.amount': () => 'Crédits par période ; 0 ne laisse rien dépenser au serveur',
  'operator.ceiling.unlimited': () => 'Aucun plafond : les admins fixent le budget de leur choix',
  'operator.ceiling.period': () => 'La période du plafond (par défaut : l’actuelle)',
  'operator.server': () => 'Le serveur (tapez pour chercher par nom, ou collez son identifiant)',
  'operator.global.description': () => 'Le maximum que tous les serveurs ensemble peuvent dépenser',
  'operator.global.amount': () => 'Crédits par période pour tous les serveurs ensemble',
  'operator.global.unlimited': () => 'Aucun budget global',
  'operator.global.period': () => 'La période du budget (par défaut : l’actuelle)',
  'operator.allow.description': () => 'Autoriser un serveur à utiliser le bot',
  'operator.deny.description': () => 'Interdire à un serveur d’utiliser le bot',
  'operator.pause.description': () => 'Arrêter les nouvelles vidéos sur tous les serveurs (celles en cours se terminent)',
  'operator.resume.description': () => 'Réautoriser les nouvelles vidéos et relancer la file après un compte vide',
  'operator.usage.description': () => 'Les dépenses de la période, par serveur et au total',

  'operator.ceiling.set': (p) =>
    p.ceiling === null
      ? `${serverName(p.name, p.guildId)} n’a plus de plafond : ses admins peuvent fixer le budget de leur choix.`
      : `${serverName(p.name, p.guildId)} peut désormais dépenser au plus ${perPeriod(p.ceiling, p.period)}, quel que soit le budget fixé par ses admins.`,
  'operator.global.set': (p) =>
    p.budget === null
      ? 'Plus de budget global : chaque serveur n’est limité que par son propre budget et son plafond.'
      : `Tous les serveurs ensemble peuvent désormais dépenser au plus ${perPeriod(p.budget, p.period)}.`,
  'operator.access.set': (p) =>
    p.changed
      ? `${serverName(p.name, p.guildId)} ${p.allowed ? 'peut désormais utiliser le bot' : 'ne peut plus utiliser le bot'}.`
      : `${serverName(p.name, p.guildId)} ${p.allowed ? 'peut utiliser le bot' : 'ne peut pas utiliser le bot'}, comme avant ; rien n’a changé.`,
  'operator.pause.done': () =>
    'Les nouvelles vidéos sont en pause sur tous les serveurs. Les vidéos en cours de création seront terminées ; /veo-operator resume les autorise de nouveau.',
  'operator.pause.already': () => 'Les nouvelles vidéos étaient déjà en pause partout ; rien n’a changé.',
  'operator.resume.done': (p) =>
    !p.wasPaused && !p.wasEmpty && !p.wasUnknownPaused
      ? 'Rien n’était en pause, ni par vous ni à cause d’un compte vide ; les pauses propres aux serveurs relèvent de leurs admins.'
      : [
          p.wasPaused ? 'Les nouvelles vidéos sont de nouveau autorisées sur tous les serveurs.' : '',
          p.wasEmpty ? 'La file d’attente est relancée ; si le compte est toujours vide, elle attend de nouveau.' : '',
          p.wasUnknownPaused ? 'Les demandes repartent sur la clé d’API ; son compte de résultats incertains repart de zéro.' : '',
          'Les serveurs mis en pause par leurs propres admins restent en pause.',
        ]
          .filter((line) => line !== '')
          .join(' '),

  'operator.servers.title': (p) => `Serveurs : ${number(p.count)} (page ${number(p.page)} sur ${number(p.pages)})`,
  'operator.servers.line': (p) =>
    `**${serverName(p.name, p.guildId)}** (${p.guildId})${p.allowed ? '' : ' · **non autorisé**'}${p.paused ? ' · en pause' : ''}\n` +
    `budget ${limit(p.budget, p.period)} · plafond ${limit(p.ceiling, p.ceilingPeriod)} · consommé ${thisPeriod(p.period)} : ${credits(p.used)} · ` +
    (p.lastActivity === null ? 'aucune vidéo pour l’instant' : `dernière vidéo ${relative(p.lastActivity)}`),
  'operator.servers.none': () => 'Le bot n’est sur aucun serveur.',
  'operator.servers.state': (p) =>
    [
      p.paused ? 'Les nouvelles vidéos sont **en pause** partout.' : '',
      p.accountEmpty ? 'Le compte vidéo est **vide** : la file d’attente patiente.' : '',
      p.unknownPaused ? 'Les demandes sur la clé d’API sont **en pause** après des résultats incertains : /veo-operator resume.' : '',
    ]
      .filter((line) => line !== '')
      .join(' '),

  'operator.usage.title': (p) => `Crédits vidéo dépensés par tous les serveurs ${thisPeriod(p.period)}`,
  'operator.usage.total': (p) =>
    (p.budget === null
      ? `**${credits(p.total)}** ${plural(p.total, { one: 'facturé', many: 'facturés', other: 'facturés' })} ; il n’y a pas de budget global.`
      : `**${credits(p.total)}** ${plural(p.total, { one: 'facturé', many: 'facturés', other: 'facturés' })} sur un budget global de ${credits(p.budget)}.`) + ` La période sera réinitialisée ${relative(p.resetsAt)}.`,
  'operator.usage.field.refunded': () => 'Remboursés',
  'operator.usage.field.generations': () => 'Générations',
  'operator.usage.field.releases': () => 'Échecs (libérés sans facturation)',
  'operator.usage.field.unknowns': () => 'Résultats incertains (non facturés aux membres)',
  'operator.usage.unknowns': (p) => `${number(p.count)}, jusqu’à ${credits(p.credits)}`,
  'operator.usage.field.servers': () => 'Par serveur',
  'operator.usage.server': (p) =>
    `${p.rank}. ${serverName(p.name, p.guildId)} : ${credits(p.charged)}${p.refunded > 0 ? ` (${number(p.refunded)} ${plural(p.refunded, { one: 'remboursé', many: 'remboursés', other: 'remboursés' })})` : ''}`,
  'operator.usage.nobody': () => 'Aucun serveur n’a dépensé de crédits pendant cette période.',
  'operator.usage.footer': (p) => `Compte ce que le service vidéo a facturé ; les ajustements des admins ne sont pas inclus · ${p.periodKey}`,

  'operator.accountEmptyDm': (p) =>
    'Le compte nanophoto qui paie les vidéos du bot n’a plus de crédits' +
    (p.requiredCredits === null ? '.' : ` (la dernière demande nécessitait ${credits(p.requiredCredits)}).`) +
    ` Les demandes en attente nécessitent ${credits(p.waitingCredits)} au total.` +
    ' Aucune vidéo n’est envoyée, quel que soit le serveur, tant qu’il n’est pas rechargé ; les demandes attendent dans la file et les membres voient pourquoi.' +
    ' Rechargez le compte puis lancez /veo-operator resume, sinon le bot réessaie de lui-même une demande à intervalles réguliers.',
  'operator.unknownOutcomesDm': (p) =>
    `Les demandes sur la clé d’API nanophoto sont en pause : ${number(p.count)} ${plural(p.count, { one: 'demande', many: 'de demandes', other: 'demandes' })} de vidéo d’affilée ${plural(p.count, { one: 'n’a', many: 'n’ont', other: 'n’ont' })} pas reçu de réponse claire` +
    ' (délai dépassé, connexion coupée ou réponse illisible pour le bot). Le service les a peut-être facturées : vos plafonds et le budget global les comptent, les membres ne paient rien.' +
    ' Les demandes attendent dans la file. Vérifiez le service vidéo, puis lancez /veo-operator resume.',
} satisfies Words<typeof english>;
