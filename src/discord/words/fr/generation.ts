import { channelMention, hyperlink, userMention } from 'discord.js';
import type { FailureCode, GenerationState } from '../../../domain/generation.js';
import type { generation as english } from '../en/generation.js';
import type { Words } from '../words.js';
import { costText, type CostWords } from '../costText.js';
import { serverKeyRefusals } from './serverKeys.js';
import { turnsFailures } from './turns.js';
import { credits, duration, number, plural } from './format.js';

const costWords: CostWords = {
  reserved: credits,
  notCharged: (n) => `${credits(n)} (${plural(n, { one: 'non facturé', many: 'non facturés', other: 'non facturés' })})`,
  charged: credits,
  refunded: (n) => `${credits(n)} (${plural(n, { one: 'remboursé', many: 'remboursés', other: 'remboursés' })})`,
  partlyRefunded: (net, refunded) => `${credits(net)} (${number(refunded)} ${plural(refunded, { one: 'remboursé', many: 'remboursés', other: 'remboursés' })})`,
};

const GIVEN_BACK = 'Vos crédits vous ont été rendus.';

const failures: Record<FailureCode, string> = {
  LOGIN_REQUIRED: `Le service vidéo a refusé la clé d’API du bot. Demandez à l’opérateur du bot de vérifier NANOPHOTO_API_KEY. ${GIVEN_BACK}`,
  API_KEY_RATE_LIMIT_EXCEEDED: `Le bot a atteint la limite horaire de requêtes du service vidéo. Réessayez dans quelques minutes. ${GIVEN_BACK}`,
  INSUFFICIENT_CREDITS: `Le compte du bot auprès du service vidéo n’a plus de crédits. Demandez à l’opérateur du bot de le recharger. ${GIVEN_BACK}`,
  SHOTS_REQUIRED: `Le service vidéo n’a trouvé aucun plan dans la demande. Écrivez un prompt (jusqu’à 21 plans séparés par ||). ${GIVEN_BACK}`,
  PROMPT_REQUIRED: `Un plan n’avait pas de prompt. Vérifiez qu’aucun plan entre les séparateurs || n’est vide. ${GIVEN_BACK}`,
  INVALID_IMAGE_COUNT: `Nombre d’images incorrect pour ce mode : 1 ou 2 pour frames, 1 à 3 pour reference, aucune pour text. ${GIVEN_BACK}`,
  IMAGE_URLS_REQUIRED: `Le service vidéo n’a pas pu utiliser les images jointes. Joignez-les à nouveau au format PNG, JPEG ou WebP. ${GIVEN_BACK}`,
  GENERATION_FAILED: `Le service vidéo n’a pas pu créer cette vidéo. Réessayez, ou modifiez le prompt ou les images. ${GIVEN_BACK}`,
  TASK_IDS_REQUIRED: `Le bot a mal interrogé le service vidéo au sujet de cette vidéo. Merci de prévenir l’opérateur du bot. ${GIVEN_BACK}`,
  TASK_NOT_FOUND: 'Le service vidéo ne connaît plus cette vidéo. Les crédits des plans inachevés vous ont été rendus ; relancez-la.',
  INTERNAL_ERROR: `Le service vidéo a rencontré une erreur interne. Réessayez dans quelques minutes. ${GIVEN_BACK}`,
  UNKNOWN: `Le service vidéo a refusé la demande. Réessayez plus tard ; si cela se reproduit, prévenez l’opérateur du bot. ${GIVEN_BACK}`,
  OUTCOME_UNKNOWN:
    'Le service vidéo n’a pas répondu à temps : le bot ne peut pas savoir si la vidéo a été lancée et ne l’enverra pas deux fois. Vos crédits vous ont été rendus ; réessayez.',
  TRANSPORT_TIMEOUT: `Le service vidéo est injoignable. Réessayez dans quelques minutes. ${GIVEN_BACK}`,
  TRANSPORT_NETWORK: `Le service vidéo est injoignable. Réessayez dans quelques minutes. ${GIVEN_BACK}`,
  TRANSPORT_MALFORMED: `Le service vidéo a renvoyé une réponse illisible pour le bot. Réessayez dans quelques minutes. ${GIVEN_BACK}`,
  INTERNAL: `Une erreur s’est produite du côté du bot. ${GIVEN_BACK}`,
  QUEUE_TIMEOUT:
    'Le service vidéo est resté occupé si longtemps que les liens de vos images auraient expiré avant votre tour : la demande a donc été abandonnée. Vos crédits vous ont été rendus ; réessayez plus tard.',
  discord_unavailable: 'Discord n’a pas accepté la réponse à temps, donc rien n’a été envoyé au service vidéo. Vos crédits vous ont été rendus.',
  timeout: 'Le service vidéo n’a pas terminé à temps. Les crédits des plans inachevés vous ont été rendus.',
  NO_VIDEO_URL: 'Le service vidéo a terminé cette vidéo sans fournir de lien. Vos crédits vous ont été rendus ; réessayez.',
  ...turnsFailures,
  CANCELLED: 'Elle a été annulée avant d’être envoyée au service vidéo. Ses crédits ont été rendus.',
  APPROVAL_DENIED: "Un modérateur a refusé cette demande avant que rien ne soit créé. Vos crédits ont été rendus.",
  APPROVAL_EXPIRED: "Aucun modérateur n’a statué sur cette demande à temps, elle a donc été abandonnée. Vos crédits ont été rendus ; réessayez plus tard.",
  APPROVAL_UNAVAILABLE: "Le salon d’approbation de ce serveur n’existe plus ou le bot n’a pas le droit d’y publier, aucun modérateur n’a donc pu voir cette demande. Vos crédits ont été rendus ; prévenez les admins du serveur.",
  APPROVAL_IMAGES_EXPIRED: "Un modérateur a approuvé cette demande, mais entre-temps les liens de ses images avaient expiré. Vos crédits ont été rendus ; refaites la demande en envoyant à nouveau les images.",
  KEY_REMOVED: "L'opérateur du bot a retiré la clé d'API avec laquelle cette vidéo était créée : le bot ne peut plus en suivre l'avancement. Vos crédits vous ont été rendus.",
  SERVER_KEY_REFUSED: "Les vidéos sont en pause sur ce serveur : nanophoto n'accepte plus le compte qui les paie. Les admins du serveur ont été prévenus. Rien n'a été facturé ; vos crédits vous ont été rendus.",
  SERVER_KEY_REMOVED: "Ce serveur a cessé de payer ses vidéos avec son propre compte nanophoto avant l'envoi de la vôtre : elle n'a donc pas été envoyée. Rien n'a été facturé ; vos crédits vous ont été rendus.",
  // Approved after its server's key changed: the sentence a new request meets, its credits given back.
  SERVER_KEY_REQUIRED: `${serverKeyRefusals.server_key_required({})} ${GIVEN_BACK}`,
  SERVER_KEY_LOCKED: `${serverKeyRefusals.server_key_locked({})} ${GIVEN_BACK}`,
};

const titles: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ En attente d’un modérateur",
  queued: '⏳ En file d’attente : le service vidéo est occupé',
  submitting: '📨 Envoi de votre vidéo…',
  running: '🎬 Génération de votre vidéo…',
  completed: '✅ Votre vidéo est prête',
  partial: '⚠️ Votre vidéo est partiellement prête',
  failed: '❌ La vidéo n’a pas pu être créée',
};

const stateLabels: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ en attente d’approbation",
  queued: '⏳ en attente',
  submitting: '📨 envoi',
  running: '🎬 en cours',
  completed: '✅ terminée',
  partial: '⚠️ partielle',
  failed: '❌ échec',
};

const pingLeads: Record<GenerationState, string> = {
  awaiting_approval: "du nouveau sur la vidéo que vous avez demandée :",
  queued: 'du nouveau sur la vidéo que vous avez demandée :',
  submitting: 'du nouveau sur la vidéo que vous avez demandée :',
  running: 'du nouveau sur la vidéo que vous avez demandée :',
  completed: 'voici la vidéo que vous avez demandée :',
  partial: 'voici ce qui a pu être créé de la vidéo que vous avez demandée :',
  failed: 'la vidéo que vous avez demandée n’a pas pu être créée :',
};

export const generation = {
  'generation.title': (p) => titles[p.state],
  'generation.stateLabel': (p) => stateLabels[p.state],
  'generation.pingLead': (p) => `${userMention(p.userId)}, ${pingLeads[p.state]}`,
  'generation.dmLead': (p) => `Je n’ai pas pu publier dans ${channelMention(p.channelId)}, alors je vous écris ici :`,
  'generation.failure': (p) => failures[p.code],
  'generation.accountEmpty': () =>
    'Le compte vidéo du bot n’a plus de crédits, votre demande attend donc dans la file. Elle démarrera dès que l’opérateur du bot l’aura rechargé ; rien n’a été facturé.',
  'generation.partialShots': (p) =>
    `${number(p.failed)} ${plural(p.failed, {
      one: `plan sur ${number(p.total)} n’a pas pu être créé ; ses crédits vous ont été rendus.`,
      many: `de plans sur ${number(p.total)} n’ont pas pu être créés ; leurs crédits vous ont été rendus.`,
      other: `plans sur ${number(p.total)} n’ont pas pu être créés ; leurs crédits vous ont été rendus.`,
    })}`,
  'generation.reason': (p) => `**${p.failed ? 'Pourquoi' : 'Remarque'} :** ${p.text}`,
  'generation.mode': (p) => p.mode,
  'generation.cost': (p) => costText(p, costWords),
  'generation.shotsDone': (p) => `${number(p.done)} sur ${number(p.total)} terminés`,
  'generation.duration': (p) => duration(p.seconds),
  'generation.footer': (p) => `Génération n° ${p.id} · /veo status id:${p.id}`,
  'generation.field.mode': () => 'Mode',
  'generation.field.aspect': () => 'Format',
  'generation.field.resolution': () => 'Résolution',
  'generation.field.cost': () => 'Coût',
  'generation.field.shots': () => 'Plans',
  'generation.field.started': () => 'Lancée',
  'generation.field.queuePosition': () => 'Position dans la file',
  'generation.field.expectedStart': () => 'Début prévu',
  'generation.field.expected': () => 'Fin prévue',
  'generation.field.generationTime': () => 'Durée de génération',

  'status.title': () => 'Vos vidéos',
  'status.empty': () => 'Vous n’avez encore créé aucune vidéo sur ce serveur. Essayez `/veo prompt`.',
  'status.videoLink': (p) => `${hyperlink('vidéo', p.url)}${p.more > 0 ? ` +${p.more}` : ''}`,
  'generation.hostedNote': () => 'Cette vidéo est hébergée par le service vidéo et peut expirer ; téléchargez-la pour la garder.',
  'generation.shotsAttached': (p) =>
    `${plural(p.attached, { one: 'Le plan 1 est joint', many: `Les plans 1–${number(p.attached)} sont joints`, other: `Les plans 1–${number(p.attached)} sont joints` })}; les ${number(p.total - p.attached)} autres ne tenaient pas dans un message et sont des liens du service vidéo (ils peuvent expirer).`,
  'generation.source': (p) => (p.shot === null ? 'Source' : `Source ${number(p.shot)}`),
  'generation.sourceLine': (p) => `**Source :** ${p.url}`,
  'generation.linksLeftOut': (p) => `${number(p.count)} ${plural(p.count, { one: 'lien de plus est trop long', many: 'de liens de plus sont trop longs', other: 'liens de plus sont trop longs' })} pour un message Discord.`,
  'status.videoDetails': (p) => `vidéo : /veo status id:${p.id}`,
  'status.footer': () => 'Détails : /veo status id:<numéro>',
} satisfies Words<typeof english>;
