import { veoErrorCodes } from '../veo/errors.js';
import type { AspectRatio, Resolution } from '../veo/types.js';
import type { Mode } from './videoRequest.js';

export type GenerationState = 'awaiting_approval' | 'queued' | 'submitting' | 'running' | 'completed' | 'partial' | 'failed';

/**
 * The states of a request that is still on its way: it holds credits and counts toward its
 * member's active requests. Waiting for a moderator is one of them.
 */
export const activeStates = ['awaiting_approval', 'queued', 'submitting', 'running'] as const satisfies readonly GenerationState[];
export type ActiveState = (typeof activeStates)[number];
export const isActive = (generation: Pick<Generation, 'state'>): boolean => (activeStates as readonly GenerationState[]).includes(generation.state);
export type ShotState = 'pending' | 'processing' | 'completed' | 'failed';

/**
 * Why a generation failed (or what a partly made one lacks): the API's own codes, and ours for
 * what happened around it. Stored with the generation; the catalogue words each.
 */
export const failureCodes = [
  ...veoErrorCodes,
  'UNKNOWN',
  /** A `generate` that may have reached the vendor: released, never re-sent. */
  'OUTCOME_UNKNOWN',
  'TRANSPORT_TIMEOUT',
  'TRANSPORT_NETWORK',
  'TRANSPORT_MALFORMED',
  'INTERNAL',
  /** Waited in the queue past the life of its image links. */
  'QUEUE_TIMEOUT',
  /** A text-only request that waited in the queue past QUEUE_MAX_TEXT_WAIT_MS. */
  'QUEUE_TEXT_TIMEOUT',
  /** Discord did not accept the reply, so it was never sent. */
  'discord_unavailable',
  /** The vendor still reported it unfinished past its deadline. */
  'timeout',
  /** Finished at the vendor without any link to the video. */
  'NO_VIDEO_URL',
  /** A moderator declined it before anything was sent. */
  'APPROVAL_DENIED',
  /** No moderator decided in time. */
  'APPROVAL_EXPIRED',
  /** The approval channel was gone, or the bot could not post there. */
  'APPROVAL_UNAVAILABLE',
  /** Approved, but by then its images' links no longer answered. */
  'APPROVAL_IMAGES_EXPIRED',
  /** Taken back while it waited, by its member or a moderator (`cancelledBy`): never sent, released. */
  'CANCELLED',
  /** Its API key left the settings while it ran: no key can ask about it any more. */
  'KEY_REMOVED',
  /** The vendor refused its server's own key (401) while it waited or went out: released, nothing charged. */
  'SERVER_KEY_REFUSED',
  /** Its server stopped paying with its own key before it went out: released rather than sent on the operator's. */
  'SERVER_KEY_REMOVED',
  /** Approved while SERVER_KEYS=required and its server had no key of its own: released, as a new request is refused. */
  'SERVER_KEY_REQUIRED',
  /** Approved while its server's key could not be read (a wrong KEY_ENCRYPTION_SECRET): released, as a new request is refused. */
  'SERVER_KEY_LOCKED',
] as const;
export type FailureCode = (typeof failureCodes)[number];

export const isFailureCode = (code: string | null): code is FailureCode => (failureCodes as readonly (string | null)[]).includes(code);

/** Why one shot failed: the vendor did not take it, could not make it, or the generation was given up. */
export type ShotFailure = 'not_accepted' | 'failed' | 'timeout' | 'TASK_NOT_FOUND' | 'NO_VIDEO_URL' | 'KEY_REMOVED';

/**
 * Why a finished video went out as links: the file over Discord's upload limit (or refused by it
 * as too large), bytes that are not an MP4, the download or upload failing for good (a vendor 4xx,
 * or network errors and 5xx past the retries), or the bot lacking Attach Files.
 */
export const fileFallbacks = ['too_large', 'not_mp4', 'unavailable', 'no_permission'] as const;
export type FileFallback = (typeof fileFallbacks)[number];

export const finishedStates = ['completed', 'partial', 'failed'] as const satisfies readonly GenerationState[];
/** The states a generation ends in; nothing leaves them. */
export type FinishedState = (typeof finishedStates)[number];

export interface Shot {
  id: string;
  position: number;
  prompt: string;
  taskId: string | null;
  state: ShotState;
  videoUrl: string | null;
  error: ShotFailure | null;
  generationSeconds: number | null;
  /** When the API reported the shot done or failed; the next shot started then. */
  finishedAt: Date | null;
}

/** Where a generation was asked for, and by whom. */
export interface Origin {
  guildId: string;
  channelId: string;
  userId: string;
  interactionId: string | null;
  /** The member's Discord locale, for what only they read (DMs). */
  locale: string | null;
  /** The server's Discord locale, for the public reply and its later edits. */
  guildLocale: string | null;
  /** Discord's upload limit in bytes where the reply is posted; null when Discord did not say. */
  attachmentSizeLimit: number | null;
}

/** Why a generation's prompts and links were blanked: its result was removed, or it is older than the retention. */
export type ErasureReason = 'removed' | 'expired';
/** How a moderator's approval of a request stands; a request that never waited has none. */
export type ApprovalState = 'waiting' | 'approved' | 'denied' | 'expired' | 'cancelled' | 'unreachable';

export interface ApprovalNote {
  state: ApprovalState;
  /** The moderator who approved or denied it. */
  deciderId: string | null;
  reason: string | null;
  /** Until when it waits at most. */
  expiresAt: Date;
  decidedAt: Date | null;
}

/** Why a queued generation waits for more than its turn. */
export type WaitReason = 'account_empty';

export interface Generation extends Origin {
  id: number;
  replyMessageId: string | null;
  prompt: string;
  mode: Mode;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  imageUrls: string[];
  credits: number;
  /** What the API charged (the ledger's settlement); null until it answered. */
  creditsUsed: number | null;
  /** Given back for shots that failed or were not accepted, from the ledger. */
  creditsRefunded: number;
  state: GenerationState;
  errorCode: FailureCode | null;
  videoUrl: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  /** The fingerprint of the API key it was submitted on, the only key it is polled with; null while queued. */
  keyFingerprint: string | null;
  expectedAt: Date | null;
  queuePosition: number | null;
  waitReason: WaitReason | null;
  finishedAt: Date | null;
  nextPollAt: Date | null;
  pollCount: number;
  revision: number;
  deliveredRevision: number;
  deliveryAttempts: number;
  /** Why the finished video is shown as links instead of files; null while files may be attached. */
  fileFallback: FileFallback | null;
  fileAttempts: number;
  /** When a member removed its result message on purpose; nothing is delivered for it again. */
  removedAt: Date | null;
  /** Who cancelled it while it waited; null unless its error code is CANCELLED. */
  cancelledBy: string | null;
  /** When its prompts and links were blanked; the ledger keeps its amounts. */
  erasedAt: Date | null;
  erasedBecause: ErasureReason | null;
  /** Set when it waited (or waits) for a moderator. */
  approval?: ApprovalNote | null;
  /** The generation this one continues from its last frame (Extend); null for any other. */
  extendsGenerationId: number | null;
  shots: Shot[];
}

export function isFinished(generation: Pick<Generation, 'state'>): boolean {
  return (finishedStates as readonly GenerationState[]).includes(generation.state);
}

/** Links to show: the concatenated video if the API gave one, else each finished shot's. */
export function videoLinks(generation: Pick<Generation, 'videoUrl' | 'shots'>): string[] {
  if (generation.videoUrl) return [generation.videoUrl];
  return generation.shots.flatMap((shot) => (shot.videoUrl ? [shot.videoUrl] : []));
}
