import { userMention } from 'discord.js';
import type { AspectRatio, Resolution } from '../../../veo/types.js';
import { credits, dateTime, duration, number, plural, relative } from './format.js';

/** A shot as a multi-shot reply shows it while the video is made. */
export type ShotProgress = 'done' | 'running' | 'waiting' | 'failed';

const progressLabels: Record<ShotProgress, string> = {
  done: '✅ done',
  running: '🎬 generating',
  waiting: '⏳ waiting',
  failed: '❌ failed',
};

/** A finished reply's buttons, what they answer, the Remix form, Details, and per-shot progress. */
export const resultWords = {
  'result.again': () => 'Again',
  'result.tryAgain': () => 'Try again',
  'result.remix': () => 'Remix',
  'result.details': () => 'Details',
  'result.delete': () => 'Delete',
  'result.removed': (p: { id: number }) =>
    `Removed video #${p.id}. It stays in /veo status, marked as removed; no credits moved.`,
  'result.removedField': () => 'Removed',
  'result.removedLabel': (p: { at: Date }) => `🗑️ removed ${relative(p.at)}`,
  'result.removedMessageGone': (p: { id: number }) =>
    `Video #${p.id} is marked as removed and will not be posted again, but its message could not be deleted (it may be gone already).`,

  'remix.modal.title': (p: { id: number }) => `Remix video #${p.id}`,
  'remix.prompt.label': () => 'Prompt',
  'remix.prompt.description': () => 'Edit the prompt; line breaks stay part of it.',
  'remix.shots.label': () => 'Shots, one per line',
  'remix.shots.description': (p: { maxShots: number }) => `Up to ${p.maxShots} shots, one per line; a story is always 720p.`,
  'remix.aspect.label': () => 'Aspect ratio',
  'remix.resolution.label': () => 'Resolution',
  'remix.resolution.option': (p: { resolution: Resolution; credits: number }) => `${p.resolution} (${credits(p.credits)})`,
  'remix.images.label': () => 'New images (optional)',
  'remix.images.description': (p: { kept: number; max: number }) =>
    p.kept > 0
      ? `Up to ${p.max} images replace the ${p.kept} original ${plural(p.kept, { one: 'one', other: 'ones' })}; leave empty to keep them.`
      : `Up to ${p.max} PNG, JPEG or WebP images; leave empty for a text-only video.`,

  'details.title': (p: { id: number; page: number; pages: number }) =>
    p.pages > 1 ? `Details of video #${p.id} (${p.page}/${p.pages})` : `Details of video #${p.id}`,
  'details.askedBy': (p: { userId: string; at: Date }) => `**Asked by** ${userMention(p.userId)} ${dateTime(p.at)}`,
  /** `label` as the status list names the state (generation.stateLabel). */
  'details.state': (p: { label: string }) => `**State** ${p.label}`,
  /** `mode` as the reply names it (generation.mode). */
  'details.request': (p: { mode: string; aspect: AspectRatio; resolution: Resolution; shots: number }) =>
    `**Mode** ${p.mode} · **Aspect** ${p.aspect} · **Resolution** ${p.resolution} · **Shots** ${number(p.shots)}`,
  'details.cost': (p: { priced: number; charged: number | null; refunded: number }) =>
    p.charged === null
      ? `**Cost** nothing charged (priced at ${credits(p.priced)})`
      : `**Cost** ${credits(p.charged)} charged, ${credits(p.refunded)} refunded`,
  'details.images': (p: { count: number }) => (p.count === 0 ? '**Images** none' : `**Images** (${number(p.count)})`),
  'details.videos': (p: { count: number }) => (p.count === 0 ? '**Video** no link' : `**Video** (${number(p.count)} ${plural(p.count, { one: 'link', other: 'links' })})`),
  'details.shot': (p: { position: number; progress: ShotProgress; taskId: string | null; seconds: number | null }) =>
    [
      `**Shot ${p.position}** ${progressLabels[p.progress]}`,
      p.taskId === null ? 'no task id' : `task \`${p.taskId.replace(/`/g, "'")}\``,
      ...(p.seconds === null ? [] : [duration(p.seconds)]),
    ].join(' · '),
  'details.continued': () => '(continued)',

  'progress.field': () => 'Shots',
  'progress.shot': (p: { position: number; progress: ShotProgress; startedAt: Date | null }) =>
    `${p.position}. ${progressLabels[p.progress]}${p.progress === 'running' && p.startedAt ? `, started ${relative(p.startedAt)}` : ''}`,
};
