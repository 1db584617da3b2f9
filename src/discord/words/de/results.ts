import { userMention } from 'discord.js';
import type { resultWords as english, ShotProgress } from '../en/results.js';
import type { Words } from '../words.js';
import { credits, dateTime, duration, number, plural, relative } from './format.js';

const progressLabels: Record<ShotProgress, string> = {
  done: '✅ fertig',
  running: '🎬 wird erstellt',
  waiting: '⏳ wartet',
  failed: '❌ fehlgeschlagen',
};

/** Die Schaltflächen unter einem fertigen Video, das Remix-Formular, Details und der Fortschritt je Szene. */
export const resultWords = {
  'result.again': () => 'Nochmal',
  'result.tryAgain': () => 'Erneut versuchen',
  'result.remix': () => 'Remix',
  'result.details': () => 'Details',
  'result.delete': () => 'Löschen',
  'result.removed': (p) =>
    `Video #${p.id} wurde entfernt. Es bleibt in /veo status, als entfernt markiert; es wurden keine Credits bewegt.`,
  'result.removedField': () => 'Entfernt',
  'result.removedLabel': (p) => `🗑️ entfernt ${relative(p.at)}`,
  'result.removedMessageGone': (p) =>
    `Video #${p.id} ist als entfernt markiert und wird nicht erneut gepostet, aber seine Nachricht konnte nicht gelöscht werden (vielleicht ist sie schon weg).`,

  'remix.modal.title': (p) => `Remix von Video #${p.id}`,
  'remix.prompt.label': () => 'Prompt',
  'remix.prompt.description': () => 'Bearbeiten Sie den Prompt; Zeilenumbrüche bleiben Teil davon.',
  'remix.shots.label': () => 'Szenen, eine pro Zeile',
  'remix.shots.description': (p) => `Bis zu ${p.maxShots} Szenen, eine pro Zeile; eine Story ist immer 720p.`,
  'remix.aspect.label': () => 'Seitenverhältnis',
  'remix.resolution.label': () => 'Auflösung',
  'remix.resolution.option': (p) => `${p.resolution} (${credits(p.credits)})`,
  'remix.images.label': () => 'Neue Bilder (optional)',
  'remix.images.description': (p) =>
    p.kept > 0
      ? `Bis zu ${p.max} Bilder ersetzen ${plural(p.kept, { one: 'das Originalbild', other: `die ${p.kept} Originalbilder` })}; leer lassen, um sie zu behalten.`
      : `Bis zu ${p.max} PNG-, JPEG- oder WebP-Bilder; leer lassen für ein reines Textvideo.`,

  'details.title': (p) => (p.pages > 1 ? `Details zu Video #${p.id} (${p.page}/${p.pages})` : `Details zu Video #${p.id}`),
  'details.askedBy': (p) => `**Angefordert von** ${userMention(p.userId)} ${dateTime(p.at)}`,
  'details.state': (p) => `**Status** ${p.label}`,
  'details.request': (p) =>
    `**Modus** ${p.mode} · **Seitenverhältnis** ${p.aspect} · **Auflösung** ${p.resolution} · **Szenen** ${number(p.shots)}`,
  'details.cost': (p) =>
    p.charged === null
      ? `**Kosten** nichts berechnet (Preis ${credits(p.priced)})`
      : `**Kosten** ${credits(p.charged)} berechnet, ${credits(p.refunded)} erstattet`,
  'details.images': (p) => (p.count === 0 ? '**Bilder** keine' : `**Bilder** (${number(p.count)})`),
  'details.videos': (p) => (p.count === 0 ? '**Video** kein Link' : `**Video** (${number(p.count)} ${plural(p.count, { one: 'Link', other: 'Links' })})`),
  'details.shot': (p) =>
    [
      `**Szene ${p.position}** ${progressLabels[p.progress]}`,
      p.taskId === null ? 'keine Task-ID' : `Task \`${p.taskId.replace(/`/g, "'")}\``,
      ...(p.seconds === null ? [] : [duration(p.seconds)]),
    ].join(' · '),
  'details.continued': () => '(Fortsetzung)',

  'progress.field': () => 'Szenen',
  'progress.shot': (p) =>
    `${p.position}. ${progressLabels[p.progress]}${p.progress === 'running' && p.startedAt ? `, gestartet ${relative(p.startedAt)}` : ''}`,
} satisfies Words<typeof english>;
