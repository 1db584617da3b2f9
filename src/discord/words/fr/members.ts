import { messageLink, userMention } from 'discord.js';
import type { memberWords as english } from '../en/members.js';
import type { MemberRefusalWords } from '../refusalMessages.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const requests = (n: number) => `${number(n)} ${plural(n, { one: 'demande', many: 'de demandes', other: 'demandes' })}`;
const firstRequest = (p: { id: number; guildId: string; channelId: string; messageId: string | null }) =>
  p.messageId === null ? `#${number(p.id)} (\`/veo status id:${p.id}\`)` : `#${number(p.id)} (${messageLink(p.channelId, p.messageId, p.guildId)})`;

export const memberRefusals: MemberRefusalWords = {
  member_active_limit: ({ active, limit }) =>
    `Vous avez ${requests(active)} en attente ou en cours dans ce serveur, et la limite est de ${number(limit)} à la fois. ` +
    'Attendez qu’une se termine, ou annulez une demande en attente avec son bouton Annuler ; rien n’a été facturé.',
  duplicate_request: (p) => `Vous avez demandé cette même vidéo il y a un instant : ${firstRequest(p)}. Rien n’a été facturé deux fois.`,
  member_cooldown: ({ until, failures }) =>
    `Le service vidéo a refusé ou n’a pas pu faire ${requests(failures)} de votre part en une heure ; vos nouvelles demandes dans ce serveur attendent donc jusqu’à ${relative(until)}. Rien n’a été facturé.`,
  withdraw_not_allowed: ({ id }) => `Seul le membre qui a demandé la vidéo n°${number(id)}, ou quelqu’un avec Gérer les messages, peut l’annuler.`,
  withdraw_too_late: ({ id, sent }) =>
    sent
      ? `La vidéo n°${number(id)} a déjà été envoyée au service vidéo, qui ne peut pas arrêter une vidéo commencée ; rien n’a été annulé.`
      : `La vidéo n°${number(id)} n’est plus en attente ; rien n’a été annulé.`,
  withdraw_already: ({ id, by }) => (by === null ? `La vidéo n°${number(id)} a déjà été annulée.` : `La vidéo n°${number(id)} a déjà été annulée par ${userMention(by)}.`),
  invalid_member_limit: ({ min, max }) => `La limite par membre doit être un nombre entier de ${number(min)} (aucune limite) à ${number(max)}.`,
};

export const memberWords = {
  'members.cancel': () => 'Annuler',
  'members.cancelledNote': (p) => `Annulée par ${userMention(p.by)} avant son envoi. Ses crédits ont été rendus.`,
  'members.waitingHeading': (p) => `En attente (${number(p.count)})`,
  'members.recentHeading': () => 'Récentes',
  'members.waitingEntry': (p) => (p.place === null ? `**#${number(p.id)}** attend sa place` : `**#${number(p.id)}** en attente · place ${number(p.place)}`),
  'members.field.activeLimit': () => 'Demandes actives par membre',
  'members.activeLimit': (p) => `${p.limit === 0 ? 'aucune limite' : `au plus ${number(p.limit)}`}${p.setHere ? '' : ' (par défaut du bot)'}`,
  'members.field.waiting': () => 'En attente dans ce serveur',
  'members.waiting': (p) => requests(p.count),
  'members.field.cooldowns': () => 'Membres en pause forcée',
  'members.cooldown': (p) => `${userMention(p.userId)} jusqu’à ${relative(p.until)}`,
  'members.activeLimitSet': (p) =>
    p.limit === 0
      ? 'Les membres peuvent désormais avoir autant de demandes en attente ou en cours qu’ils veulent dans ce serveur.'
      : `Chaque membre peut désormais avoir au plus ${requests(p.limit)} en attente ou en cours à la fois dans ce serveur.`,
  'members.cooldownCleared': (p) =>
    p.until === null
      ? `${userMention(p.userId)} n’était pas en pause forcée ; ses échecs passés ne comptent plus.`
      : `La pause forcée de ${userMention(p.userId)} est levée (elle durait jusqu’à ${relative(p.until)}) ; ses échecs passés ne comptent plus.`,
  'admin.memberLimit.description': () => 'Combien de demandes chaque membre peut avoir en attente ou en cours à la fois',
  'admin.memberLimit.amount': () => 'Demandes à la fois par membre ; 0 = aucune limite',
  'admin.cooldownClear.description': () => 'Lever la pause forcée d’un membre après des refus du service vidéo',
  'admin.cooldownClear.member': () => 'Le membre dont la pause forcée prend fin',
} satisfies Words<typeof english>;
