import { roleMention, userMention } from 'discord.js';
import type { adminWords as english } from '../en/admin.js';
import type { Words } from '../words.js';
import { credits, dateTime, number, periodNoun, perPeriod, plural, relative, thisPeriod } from './format.js';

/** The participle that agrees with a count of credits used. */
const used = (n: number) => plural(n, { one: 'utilisé', many: 'utilisés', other: 'utilisés' });

export const adminWords = {
  'usage.title': (p) => `Crédits vidéo utilisés ${thisPeriod(p.period)}`,
  'usage.total': (p) =>
    p.budget === null
      ? `**${credits(p.used)}** ${used(p.used)} ; ce serveur n’a pas de budget.`
      : `**${credits(p.used)}** ${used(p.used)} sur un budget de ${credits(p.budget)} ; il en reste ${number(Math.max(0, p.budget - p.used))}.`,
  'usage.resets': (p) => `Réinitialisation ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'usage.field.settled': () => 'Facturés',
  'usage.field.refunded': () => 'Remboursés',
  'usage.field.open': () => 'Réservations en cours',
  'usage.field.adjusted': () => 'Ajustés par les admins',
  'usage.field.generations': () => 'Générations',
  'usage.field.refunds': () => 'Remboursements',
  'usage.field.releases': () => 'Échecs (libérés sans facturation)',
  'usage.field.top': () => 'Membres les plus actifs',
  'usage.topMember': (p) => `${p.rank}. ${userMention(p.userId)} : ${credits(p.used)}`,
  'usage.nobody': () => 'Personne n’a encore utilisé de crédits.',
  'usage.footer': (p) => `Utilisés = facturés − remboursés + en cours + ajustés · ${p.periodKey}`,

  'settings.title': () => 'Réglages des crédits vidéo',
  'settings.state': (p) =>
    p.operatorPaused
      ? 'La génération de vidéos a été **mise en pause** sur tous les serveurs par l’opérateur du bot.'
      : p.budget === 0
      ? 'La génération de vidéos est **désactivée** : le budget est de 0 crédit.'
      : p.paused
        ? 'La génération de vidéos a été **mise en pause** par les administrateurs.'
        : 'La génération de vidéos est **activée**.',
  'settings.defaults': () => 'Le serveur utilise les réglages par défaut du bot.',
  'settings.changed': (p) => `Dernière modification par ${userMention(p.adminId)} ${relative(p.at)}.`,
  'settings.field.budget': () => 'Budget du serveur',
  'settings.field.defaultCap': () => 'Limite par défaut par membre',
  'settings.field.ceiling': () => 'Plafond de l’opérateur',
  'settings.field.global': () => 'Tous les serveurs (opérateur)',
  'settings.ceiling': (p) => (p.ceiling === null ? 'aucun : budget libre' : `${perPeriod(p.ceiling, p.period)} au plus`),
  'settings.global': (p) =>
    `Il reste ${credits(p.remaining)} sur ${perPeriod(p.budget, p.period)} pour tous les serveurs du bot ; réinitialisation ${relative(p.resetsAt)}`,
  'settings.field.confirmFrom': () => 'Confirmation à partir de',
  'settings.field.roles': () => 'Allocations par rôle',
  'settings.field.members': () => 'Limites par membre',
  'settings.budget': (p) => (p.budget === null ? `illimité (période : ${periodNoun[p.period]})` : perPeriod(p.budget, p.period)),
  'settings.cap': (p) => (p.cap === null ? 'aucune limite' : perPeriod(p.cap, p.period)),
  'settings.roleAllowance': (p) => `${roleMention(p.roleId)} : ${perPeriod(p.allowance, p.period)}`,
  'settings.memberCap': (p) => `${userMention(p.userId)} : ${perPeriod(p.cap, p.period)}`,
  'settings.none': () => 'Aucune',
  'settings.footer': () => 'La limite propre d’un membre prime ; sinon sa plus grande allocation de rôle ; sinon la limite par défaut.',

  'budget.unlimited': (p) =>
    `Budget illimité : aucune limite pour le serveur. Les limites par membre comptent toujours par ${periodNoun[p.period]} ; ${number(p.used)} ${used(p.used)} jusqu’ici ; réinitialisation ${relative(p.resetsAt)}.`,
  'budget.unlimitedCapped': (p) =>
    `Budget fixé au maximum que l’opérateur du bot accorde à ce serveur : ${perPeriod(p.ceiling, p.ceilingPeriod)}. ${number(p.used)} ${used(p.used)} jusqu’ici ; réinitialisation ${relative(p.resetsAt)}.`,
  'budget.ceilingBinds': (p) =>
    `L’opérateur du bot accorde toujours au plus ${perPeriod(p.ceiling, p.period)} à ce serveur ; la première limite atteinte s’applique.`,
  'budget.off': () =>
    'Budget fixé à 0 crédit : la génération de vidéos est désormais désactivée sur ce serveur. Définissez un budget supérieur à 0 pour la réactiver.',
  'budget.set': (p) => `Budget fixé à ${perPeriod(p.budget, p.period)}. ${number(p.used)} ${used(p.used)} jusqu’ici ; réinitialisation ${relative(p.resetsAt)}.`,
  'budget.stillPaused': () => 'La génération est toujours en pause : /veo-admin resume la réactive.',
  'memberCap.defaultRemoved': () =>
    'Limite par défaut par membre supprimée : les membres ne sont plus limités que par leurs allocations de rôle et le budget du serveur.',
  'memberCap.defaultSet': (p) =>
    `Limite par défaut par membre fixée à ${perPeriod(p.cap, p.period)}. Les allocations de rôle et les limites propres des membres restent prioritaires.`,
  'memberCap.noneToRemove': (p) => `${userMention(p.userId)} n’a pas de limite propre ; rien n’a changé.`,
  'memberCap.removed': (p) =>
    `Limite propre de ${userMention(p.userId)} supprimée : les allocations de ses rôles ou la limite par défaut du serveur s’appliquent à nouveau.`,
  'memberCap.blocked': (p) =>
    `Limite de ${userMention(p.userId)} fixée à 0 : ce membre ne peut plus créer de vidéos sur ce serveur tant que vous ne la modifiez pas.`,
  'memberCap.set': (p) => `Limite de ${userMention(p.userId)} fixée à ${perPeriod(p.cap, p.period)}, quels que soient ses rôles.`,
  'roleAllowance.noneToRemove': (p) => `${roleMention(p.roleId)} n’a pas d’allocation ; rien n’a changé.`,
  'roleAllowance.removed': (p) => `Allocation de ${roleMention(p.roleId)} supprimée.`,
  'roleAllowance.set': (p) =>
    `Les membres ayant ${roleMention(p.roleId)} peuvent désormais dépenser jusqu’à ${perPeriod(p.allowance, p.period)} (la plus grande allocation parmi les rôles d’un membre s’applique).`,
  'confirmThreshold.always': () => 'Chaque demande de vidéo doit désormais être confirmée par le membre avant toute dépense.',
  'confirmThreshold.set': (p) => `Les demandes de vidéo coûtant ${credits(p.threshold)} ou plus doivent désormais être confirmées par le membre.`,
  'adjust.done': (p) =>
    `${p.credits > 0 ? `${credits(p.credits)} ${plural(p.credits, { one: 'rendu', many: 'rendus', other: 'rendus' })} à` : `${credits(-p.credits)} ${plural(-p.credits, { one: 'retiré', many: 'retirés', other: 'retirés' })} à`} ${userMention(p.userId)}. ` +
    `Ce membre a maintenant utilisé ${credits(p.memberUsed)} sur cette période ; le serveur ${credits(p.serverUsed)}.`,
  'pause.already': () => 'La génération de vidéos était déjà en pause ; rien n’a changé.',
  'pause.done': () =>
    'La génération de vidéos est en pause sur ce serveur : les nouvelles demandes sont refusées jusqu’à ce que vous lanciez /veo-admin resume. Les vidéos déjà en cours seront terminées.',
  'resume.notPaused': () => 'La génération de vidéos n’était pas en pause ; rien n’a changé.',
  'resume.budgetZero': () =>
    'Reprise effectuée, mais le budget est de 0 crédit : la génération de vidéos reste désactivée jusqu’à ce que vous définissiez un budget.',
  'resume.done': () => 'La génération de vidéos a repris : les membres peuvent à nouveau créer des vidéos.',
} satisfies Words<typeof english>;
