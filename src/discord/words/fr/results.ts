import { userMention } from 'discord.js';
import type { resultWords as english, ShotProgress } from '../en/results.js';
import type { Words } from '../words.js';
import { credits, dateTime, duration, number, plural, relative } from './format.js';

const progressLabels: Record<ShotProgress, string> = {
  done: '✅ terminé',
  running: '🎬 en cours',
  waiting: '⏳ en attente',
  failed: '❌ échoué',
};

/** Les boutons sous une vidéo terminée, le formulaire Remix, les détails et l’avancement de chaque plan. */
export const resultWords = {
  'result.again': () => 'Relancer',
  'result.tryAgain': () => 'Réessayer',
  'result.remix': () => 'Remix',
  'result.details': () => 'Détails',
  'result.delete': () => 'Supprimer',
  'result.removed': (p) =>
    `Vidéo n° ${p.id} supprimée. Elle reste dans /veo status, marquée comme supprimée ; aucun crédit n’a bougé.`,
  'result.removedField': () => 'Supprimée',
  'result.removedLabel': (p) => `🗑️ supprimée ${relative(p.at)}`,
  'result.removedMessageGone': (p) =>
    `La vidéo n° ${p.id} est marquée comme supprimée et ne sera plus publiée, mais son message n’a pas pu être effacé (il a peut-être déjà disparu).`,

  'remix.modal.title': (p) => `Remix de la vidéo n° ${p.id}`,
  'remix.prompt.label': () => 'Prompt',
  'remix.prompt.description': () => 'Modifiez le prompt ; les retours à la ligne en font partie.',
  'remix.shots.label': () => 'Plans, un par ligne',
  'remix.shots.description': (p) => `Jusqu’à ${p.maxShots} plans, un par ligne ; une vidéo en plusieurs plans est toujours en 720p.`,
  'remix.aspect.label': () => 'Format d’image',
  'remix.resolution.label': () => 'Résolution',
  'remix.resolution.option': (p) => `${p.resolution} (${credits(p.credits)})`,
  'remix.images.label': () => 'Nouvelles images (facultatif)',
  'remix.images.description': (p) =>
    p.kept > 0
      ? `Jusqu’à ${p.max} images remplacent ${plural(p.kept, { one: 'l’image d’origine', many: `les ${p.kept} d’images d’origine`, other: `les ${p.kept} images d’origine` })} ; laissez vide pour les garder.`
      : `Jusqu’à ${p.max} images PNG, JPEG ou WebP ; laissez vide pour une vidéo à partir du texte seul.`,

  'details.title': (p) => (p.pages > 1 ? `Détails de la vidéo n° ${p.id} (${p.page}/${p.pages})` : `Détails de la vidéo n° ${p.id}`),
  'details.askedBy': (p) => `**Demandée par** ${userMention(p.userId)} ${dateTime(p.at)}`,
  'details.state': (p) => `**État** ${p.label}`,
  'details.request': (p) =>
    `**Mode** ${p.mode} · **Format** ${p.aspect} · **Résolution** ${p.resolution} · **Plans** ${number(p.shots)}`,
  'details.cost': (p) =>
    p.charged === null
      ? `**Coût** rien de facturé (prix : ${credits(p.priced)})`
      : `**Coût** ${credits(p.charged)} ${plural(p.charged, { one: 'facturé', many: 'facturés', other: 'facturés' })}, ${credits(p.refunded)} ${plural(p.refunded, { one: 'remboursé', many: 'remboursés', other: 'remboursés' })}`,
  'details.images': (p) => (p.count === 0 ? '**Images** aucune' : `**Images** (${number(p.count)})`),
  'details.videos': (p) => (p.count === 0 ? '**Vidéo** aucun lien' : `**Vidéo** (${number(p.count)} ${plural(p.count, { one: 'lien', many: 'de liens', other: 'liens' })})`),
  'details.shot': (p) =>
    [
      `**Plan ${p.position}** ${progressLabels[p.progress]}`,
      p.taskId === null ? 'pas d’identifiant de tâche' : `tâche \`${p.taskId.replace(/`/g, "'")}\``,
      ...(p.seconds === null ? [] : [duration(p.seconds)]),
    ].join(' · '),
  'details.continued': () => '(suite)',

  'progress.field': () => 'Plans',
  'progress.shot': (p) =>
    `${p.position}. ${progressLabels[p.progress]}${p.progress === 'running' && p.startedAt ? `, commencé ${relative(p.startedAt)}` : ''}`,
} satisfies Words<typeof english>;
