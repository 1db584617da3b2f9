import { channelMention, hyperlink, roleMention, userMention } from 'discord.js';
import type { ApprovalState } from '../../../domain/generation.js';
import type { LogOutcome } from '../../../domain/moderation/logOutcome.js';
import type { ChannelProblem } from '../../../domain/moderation/moderationPorts.js';
import type { moderationWords as english } from '../en/moderation.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const approvalTitles: Record<ApprovalState, string> = {
  waiting: '🛡️ Une demande de vidéo attend une approbation',
  approved: '✅ Demande de vidéo approuvée',
  denied: '🚫 Demande de vidéo refusée',
  expired: '⌛ Demande de vidéo expirée : personne n’a statué à temps',
  cancelled: '↩️ Demande de vidéo annulée par son membre',
  unreachable: '⚠️ Demande de vidéo abandonnée : ce salon était inutilisable',
};

const outcomes: Record<LogOutcome, string> = {
  completed: '✅ réalisée',
  partial: '⚠️ réalisée en partie',
  failed: '❌ échouée',
  denied: '🚫 refusée par un modérateur',
  expired: '⌛ expirée avant approbation',
  cancelled: '↩️ annulée par son membre',
};

const problems: Record<ChannelProblem, string> = {
  channel_gone: 'le salon n’existe plus',
  no_permission: 'le bot ne peut pas le voir ou y publier (Voir le salon, Envoyer des messages, Intégrer des liens)',
};

export const moderationWords: Words<typeof english> = {
  'approval.title': (p) => approvalTitles[p.state],
  'approval.lead': (p) => `${userMention(p.userId)} a demandé une vidéo dans ${channelMention(p.channelId)}.`,
  'approval.field.cost': () => 'Coût',
  'approval.field.video': () => 'Vidéo',
  'approval.field.images': () => 'Images jointes',
  'approval.field.expires': () => 'Expire',
  'approval.field.decision': () => 'Décision',
  'approval.images': (p) => (p.count === 0 ? 'aucune' : `${number(p.count)} ${plural(p.count, { one: 'image', many: 'd’images', other: 'images' })}`),
  'approval.decided': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'un modérateur';
    const when = p.at ? ` ${relative(p.at)}` : '';
    switch (p.state) {
      case 'waiting':
        return 'Personne n’a encore statué.';
      case 'approved':
        return `Approuvée par ${by}${when}.`;
      case 'denied':
        return `Refusée par ${by}${when}.`;
      case 'expired':
        return `Personne n’a statué à temps ; les crédits ont été libérés${when}.`;
      case 'cancelled':
        return `Son membre l’a annulée${when} ; les crédits ont été libérés.`;
      case 'unreachable':
        return 'Le bot ne pouvait pas publier ici, la demande a donc été abandonnée et son membre prévenu.';
    }
  },
  'approval.reason': (p) => `**Motif :** ${p.reason}`,
  'approval.removed': () => 'Le résultat de cette demande a été supprimé ; son prompt et ses images ne sont plus affichés.',
  'approval.footer': (p) => `Génération n° ${p.id} · les demandes des membres attendent ici tant que l’approbation est active`,
  'approval.approve': () => 'Approuver',
  'approval.deny': () => 'Refuser',
  'approval.denyForm.title': () => 'Refuser cette demande de vidéo',
  'approval.denyForm.reason': () => 'Motif (facultatif)',
  'approval.denyForm.placeholder': () => 'Le membre le lira dans sa réponse',

  'approval.reply.waiting': () => 'Un modérateur doit approuver cette demande avant qu’elle soit réalisée ; ses crédits sont réservés en attendant.',
  'approval.reply.approved': () => 'Un modérateur a approuvé cette demande.',
  'approval.reply.reason': (p) => `Motif du modérateur : ${p.reason}`,

  'approval.press.notModerator': () =>
    'Seuls les modérateurs peuvent approuver ou refuser les demandes de vidéo : les membres ayant le rôle d’approbation, Gérer les messages ou Gérer le serveur.',
  'approval.press.own': () => 'Vous ne pouvez pas statuer sur votre propre demande ; un autre modérateur doit le faire.',
  'approval.press.unknown': () => 'Le bot ne connaît aucune demande en attente d’approbation derrière ce bouton.',
  'approval.press.ended': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'un modérateur';
    switch (p.state) {
      case 'waiting':
        return 'Cette demande attend encore une décision.';
      case 'approved':
        return `Cette demande a déjà été approuvée par ${by}.`;
      case 'denied':
        return `Cette demande a déjà été refusée par ${by}.`;
      case 'expired':
        return 'Cette demande a déjà expiré : personne n’a statué à temps, et ses crédits ont été libérés.';
      case 'cancelled':
        return 'Son membre a déjà annulé cette demande.';
      case 'unreachable':
        return 'Cette demande a déjà été abandonnée : le bot ne pouvait pas publier dans le salon d’approbation.';
    }
  },
  'approval.press.denied': () => 'Refusée ; le membre a été prévenu et ses crédits libérés.',

  'log.title': (p) => `Demande de vidéo ${outcomes[p.outcome]}`,
  'log.lead': (p) => `${userMention(p.userId)} dans ${channelMention(p.channelId)}`,
  'log.field.outcome': () => 'Issue',
  'log.field.cost': () => 'Facturé',
  'log.field.reply': () => 'Réponse',
  'log.reply': (p) => hyperlink('Ouvrir la réponse', p.url),
  'log.noReply': () => 'aucune réponse enregistrée',
  'log.removed': () => 'Ce résultat a été supprimé ; son prompt et ses images ne sont plus affichés.',
  'log.footer': (p) => `Génération n° ${p.id}`,

  'approvalAdmin.on': (p) =>
    `L’approbation est active : les demandes de vidéo des membres attendent désormais dans ${channelMention(p.channelId)} qu’un modérateur (${p.roleId ? `${roleMention(p.roleId)}, ` : ''}Gérer les messages ou Gérer le serveur) les approuve. Leurs crédits sont réservés en attendant.`,
  'approvalAdmin.off': () => 'L’approbation est désactivée : les nouvelles demandes n’attendent plus. Celles qui attendent déjà attendent toujours un modérateur.',
  'approvalAdmin.alreadyOff': () => 'L’approbation était déjà désactivée ; rien n’a changé.',
  'logAdmin.set': (p) => `Chaque demande de vidéo faite sur ce serveur à partir de maintenant est consignée dans ${channelMention(p.channelId)} une fois terminée.`,
  'logAdmin.off': () => 'Le journal des modérateurs est désactivé ; plus rien n’y est publié.',
  'logAdmin.alreadyOff': () => 'Il n’y avait pas de salon de journal ; rien n’a changé.',

  'moderation.field.approval': () => 'Approbation par les modérateurs',
  'moderation.approval': (p) =>
    p.channelId === null ? 'désactivée' : `active, dans ${channelMention(p.channelId)}${p.roleId ? `, modérateurs : ${roleMention(p.roleId)}` : ''} (et Gérer les messages)`,
  'moderation.field.log': () => 'Journal des modérateurs',
  'moderation.log': (p) => (p.channelId === null ? 'désactivé' : channelMention(p.channelId)),
  'moderation.field.problems': () => 'Problèmes',
  'moderation.problem': (p) =>
    `${p.which === 'approval' ? 'Salon d’approbation' : 'Salon de journal'} ${channelMention(p.channelId)} : ${problems[p.problem]}. ${
      p.which === 'approval' ? 'Les demandes en attente sont abandonnées jusqu’à ce que ce soit réglé.' : 'Rien n’est consigné tant que vous ne le redéfinissez pas.'
    }`,

  'admin.approval.description': () => 'Les demandes de vidéo des membres attendent un modérateur',
  'admin.approval.on.description': () => 'Activer l’approbation : les demandes attendent un modérateur dans un salon',
  'admin.approval.channel': () => 'Où les modérateurs voient les demandes en attente',
  'admin.approval.role': () => 'Le rôle des modérateurs (Gérer les messages compte aussi)',
  'admin.approval.off.description': () => 'Désactiver l’approbation : les nouvelles demandes n’attendent plus',
  'admin.logChannel.description': () => 'Un journal de chaque demande de vidéo, pour les modérateurs',
  'admin.logChannel.set.description': () => 'Consigner chaque demande de vidéo terminée dans un salon',
  'admin.logChannel.channel': () => 'Le salon du journal',
  'admin.logChannel.off.description': () => 'Ne plus consigner les demandes de vidéo',
};
