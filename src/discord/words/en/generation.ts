import { channelMention, hyperlink, userMention } from 'discord.js';
import type { FailureCode, GenerationState } from '../../../domain/generation.js';
import type { Mode } from '../../../domain/videoRequest.js';
import { costText, type CostParams, type CostWords } from '../costText.js';
import { serverKeyRefusals } from './serverKeys.js';
import { turnsFailures } from './turns.js';
import { credits, duration, number, plural } from './format.js';

const costWords: CostWords = {
  reserved: credits,
  notCharged: (n) => `${credits(n)} (not charged)`,
  charged: credits,
  refunded: (n) => `${credits(n)} (refunded)`,
  partlyRefunded: (net, refunded) => `${credits(net)} (${number(refunded)} refunded)`,
};

const GIVEN_BACK = 'Your credits were given back.';

/** Why a video could not be made, or what a partly made one lacks; never the vendor's own words. */
const failures: Record<FailureCode, string> = {
  LOGIN_REQUIRED: `The video service refused the bot's API key. Ask the bot's operator to check NANOPHOTO_API_KEY. ${GIVEN_BACK}`,
  API_KEY_RATE_LIMIT_EXCEEDED: `The bot has reached the video service's hourly request limit. Try again in a few minutes. ${GIVEN_BACK}`,
  INSUFFICIENT_CREDITS: `The bot's video service account is out of credits. Ask the bot's operator to top it up. ${GIVEN_BACK}`,
  SHOTS_REQUIRED: `The video service found no shot in the request. Write a prompt (separate up to 21 shots with ||). ${GIVEN_BACK}`,
  PROMPT_REQUIRED: `A shot had no prompt. Make sure no shot between || separators is empty. ${GIVEN_BACK}`,
  INVALID_IMAGE_COUNT: `Wrong number of images for this mode. Attach 1-2 for frames, 1-3 for reference, none for text. ${GIVEN_BACK}`,
  IMAGE_URLS_REQUIRED: `The video service could not use the attached images. Attach them again as PNG, JPEG or WebP files. ${GIVEN_BACK}`,
  GENERATION_FAILED: `The video service could not make this video. Try again, or change the prompt or images. ${GIVEN_BACK}`,
  TASK_IDS_REQUIRED: `The bot asked the video service about this video the wrong way. Please tell the bot's operator. ${GIVEN_BACK}`,
  TASK_NOT_FOUND: 'The video service no longer knows this video. Your credits for the unfinished shots were given back; start it again.',
  INTERNAL_ERROR: `The video service had an internal error. Try again in a few minutes. ${GIVEN_BACK}`,
  UNKNOWN: `The video service refused the request. Try again later; if it keeps happening, tell the bot's operator. ${GIVEN_BACK}`,
  OUTCOME_UNKNOWN:
    "The video service did not answer in time, so the bot cannot tell whether it started this video and won't send it twice. Your credits were given back; try again.",
  TRANSPORT_TIMEOUT: `The video service could not be reached. Try again in a few minutes. ${GIVEN_BACK}`,
  TRANSPORT_NETWORK: `The video service could not be reached. Try again in a few minutes. ${GIVEN_BACK}`,
  TRANSPORT_MALFORMED: `The video service answered with something the bot could not read. Try again in a few minutes. ${GIVEN_BACK}`,
  INTERNAL: `Something went wrong on the bot's side. ${GIVEN_BACK}`,
  QUEUE_TIMEOUT:
    'The video service stayed busy so long that your images’ links would expire before your turn, so this request was dropped. Your credits were given back; try again later.',
  discord_unavailable: 'Discord did not accept the reply in time, so nothing was sent to the video service. Your credits were given back.',
  timeout: 'The video service did not finish in time. Your credits for the unfinished shots were given back.',
  NO_VIDEO_URL: 'The video service finished this video but gave no link to it. Your credits were given back; try again.',
  ...turnsFailures,
  CANCELLED: 'It was cancelled before it was sent to the video service. Its credits were given back.',
  APPROVAL_DENIED: "A moderator declined this request before anything was made. Your credits were given back.",
  APPROVAL_EXPIRED: "No moderator decided on this request in time, so it was dropped. Your credits were given back; ask again later.",
  APPROVAL_UNAVAILABLE: "This server's approval channel is gone or the bot may not post there, so no moderator could see this request. Your credits were given back; tell the server's admins.",
  APPROVAL_IMAGES_EXPIRED: "A moderator approved this request, but by then its images' links had expired. Your credits were given back; ask again with the images uploaded anew.",
  KEY_REMOVED: "The bot's operator removed the API key this video was being made with, so the bot can no longer check on it. Your credits were given back.",
  SERVER_KEY_REFUSED: "Videos are paused in this server: nanophoto no longer accepts the account that pays for them. The server's admins have been told. Nothing was charged; your credits were given back.",
  SERVER_KEY_REMOVED: "This server stopped paying for its videos with its own nanophoto account before yours went out, so it was not sent. Nothing was charged; your credits were given back.",
  // Approved after its server's key changed: the sentence a new request meets, its credits given back.
  SERVER_KEY_REQUIRED: `${serverKeyRefusals.server_key_required({})} ${GIVEN_BACK}`,
  SERVER_KEY_LOCKED: `${serverKeyRefusals.server_key_locked({})} ${GIVEN_BACK}`,
};

const titles: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ Waiting for a moderator",
  queued: '⏳ Queued: the video service is busy',
  submitting: '📨 Submitting your video…',
  running: '🎬 Generating your video…',
  completed: '✅ Your video is ready',
  partial: '⚠️ Your video is partly ready',
  failed: '❌ The video could not be made',
};

const stateLabels: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ awaiting approval",
  queued: '⏳ queued',
  submitting: '📨 submitting',
  running: '🎬 generating',
  completed: '✅ done',
  partial: '⚠️ partly done',
  failed: '❌ failed',
};

const pingLeads: Record<GenerationState, string> = {
  awaiting_approval: "an update on the video you asked for:",
  queued: 'an update on the video you asked for:',
  submitting: 'an update on the video you asked for:',
  running: 'an update on the video you asked for:',
  completed: 'here is the video you asked for:',
  partial: 'here is what could be made of the video you asked for:',
  failed: 'the video you asked for could not be made:',
};

/** A generation's reply, its status line and its failure notes. */
export const generation = {
  'generation.title': (p: { state: GenerationState }) => titles[p.state],
  'generation.stateLabel': (p: { state: GenerationState }) => stateLabels[p.state],
  'generation.pingLead': (p: { userId: string; state: GenerationState }) => `${userMention(p.userId)} ${pingLeads[p.state]}`,
  'generation.dmLead': (p: { channelId: string }) => `I could not post in ${channelMention(p.channelId)}, so I am telling you here:`,
  'generation.failure': (p: { code: FailureCode }) => failures[p.code],
  'generation.accountEmpty': () =>
    "The bot's video account is out of credits, so your request waits in the queue. It starts once the bot's operator tops it up; nothing has been charged.",
  'generation.partialShots': (p: { failed: number; total: number }) =>
    `${p.failed} of ${p.total} shots could not be made; their credits were given back.`,
  'generation.reason': (p: { failed: boolean; text: string }) => `**${p.failed ? 'Why' : 'Note'}:** ${p.text}`,
  'generation.mode': (p: { mode: Mode }) => p.mode,
  'generation.cost': (p: CostParams) => costText(p, costWords),
  'generation.shotsDone': (p: { done: number; total: number }) => `${p.done} of ${p.total} done`,
  'generation.duration': (p: { seconds: number }) => duration(p.seconds),
  'generation.footer': (p: { id: number }) => `Generation #${p.id} · /veo status id:${p.id}`,
  'generation.field.mode': () => 'Mode',
  'generation.field.aspect': () => 'Aspect',
  'generation.field.resolution': () => 'Resolution',
  'generation.field.cost': () => 'Cost',
  'generation.field.shots': () => 'Shots',
  'generation.field.started': () => 'Started',
  'generation.field.queuePosition': () => 'Queue position',
  'generation.field.expectedStart': () => 'Expected start',
  'generation.field.expected': () => 'Expected',
  'generation.field.generationTime': () => 'Generation time',

  'generation.hostedNote': () => 'This video is hosted by the video service and may expire; download it to keep it.',
  'generation.shotsAttached': (p: { attached: number; total: number }) =>
    `${plural(p.attached, { one: 'Shot 1 is', other: `Shots 1–${number(p.attached)} are` })} attached; the other ${number(p.total - p.attached)} did not fit in one message and are links, hosted by the video service (they may expire).`,
  'generation.source': (p: { shot: number | null }) => (p.shot === null ? 'Source' : `Source ${number(p.shot)}`),
  'generation.sourceLine': (p: { url: string }) => `**Source:** ${p.url}`,
  'generation.linksLeftOut': (p: { count: number }) =>
    `${number(p.count)} more ${plural(p.count, { one: 'link is', other: 'links are' })} too long for a Discord message.`,

  'status.title': () => 'Your videos',
  'status.empty': () => 'You have not made any videos in this server yet. Try `/veo prompt`.',
  'status.videoLink': (p: { url: string; more: number }) => `${hyperlink('video', p.url)}${p.more > 0 ? ` +${p.more}` : ''}`,
  'status.videoDetails': (p: { id: number }) => `video: /veo status id:${p.id}`,
  'status.footer': () => 'Details: /veo status id:<number>',
};
