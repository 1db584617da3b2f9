import type { VeoClient } from '../veo/types.js';
import type { Generation } from './generation.js';
import type { DownloadResult, LocalFile, LocalVideo, VideoFile } from './videoFiles.js';

/*
 * What the domain needs of the world outside it. The app builds the adapters (Discord, undici,
 * the vendor's client, timers) and hands them to `createDomainServices`; tests hand in fakes.
 */

/** The only source of time for domain code and the poller, so tests can drive it. */
export interface Clock {
  now(): Date;
}

/** How a generation reached its member: the order the notifier tries them in. */
export type DeliveryPath = 'webhook' | 'channel_edit' | 'new_message' | 'dm';

/** What Discord accepted: the message that now shows the generation (null for a DM) and the path taken. */
export interface Delivered {
  messageId: string | null;
  path: DeliveryPath;
}

/** Discord would not take the files: too large for it (413 / 40005), or no Attach Files permission (50013). */
export interface FilesRefused {
  kind: 'files_refused';
  reason: 'too_large' | 'no_permission';
}

/** Shows a generation's current state to its member in Discord. */
export interface Notifier {
  /** Throws when it should be tried again later. */
  deliver(generation: Generation): Promise<Delivered>;
  /**
   * The same, with the finished video's files, which replace whatever the message held. Discord
   * refusing the files is an answer (the link goes instead); anything else throws as `deliver` does.
   */
  deliverFiles(generation: Generation, files: readonly VideoFile[]): Promise<Delivered | FilesRefused>;
}

/** Told of every delivery Discord accepted; `shownAfterMs` (ready → shown) only for a finished generation. */
export type DeliveryObserver = (path: DeliveryPath, shownAfterMs: number | null) => void;

/** Fetches a video; never takes more than `maxBytes` of it. */
export interface VideoDownloader {
  download(url: string, maxBytes: number, signal: AbortSignal): Promise<DownloadResult>;
}

/** Where a copy that fits must fit: each file, how many files, all of them together. */
export interface FitRoom {
  partBytes: number;
  maxParts: number;
  totalBytes: number;
}

/**
 * Makes videos from local videos (ffmpeg, outside the domain). Every file it returns is the
 * caller's to dispose of; it throws when the work fails or runs past its time limit.
 */
export interface VideoTranscoder {
  /**
   * A copy in H.264 and AAC that fits the room: one file when a watchable one fits, else parts in
   * order; null when not even parts would be watchable.
   */
  fit(video: LocalVideo, room: FitRoom, signal: AbortSignal): Promise<LocalVideo[] | null>;
  /** The video's last frame, as a PNG. */
  lastFrame(video: LocalVideo, signal: AbortSignal): Promise<LocalFile>;
  /** One video of `first` followed by `second`, at the first one's size. */
  join(first: LocalVideo, second: LocalVideo, signal: AbortSignal): Promise<LocalVideo>;
}

/**
 * Whether image links a generation was made with still answer: Discord's attachment links expire
 * after about a day, and the video API can only fetch a link that answers.
 */
export interface ImageLinks {
  allAnswer(urls: readonly string[]): Promise<boolean>;
}

/** One job of a task pool; it should stop soon after `signal` aborts. */
export type PoolTask = (signal: AbortSignal) => Promise<void>;

/** Runs keyed tasks beside the poller's tick, a few at once. */
export interface TaskPool {
  /** Queues the task unless one with this key is queued or running; false when it was not taken. */
  add(key: number, task: PoolTask): boolean;
  /** The keys of the tasks queued or running. */
  keys(): number[];
  /** How many tasks run now. */
  running(): number;
  /** Takes no more tasks, drops the queued ones, aborts the running ones and waits for them. */
  stop(): Promise<void>;
}

/** Makes a pool of at most `concurrency` tasks at once; a task's failure goes to `onError`, never to the others. */
export type TaskPoolFactory = (concurrency: number, onError: (key: number, error: unknown) => void) => TaskPool;

/**
 * The vendor's API keys, each known by its fingerprint (never the key itself, which is neither
 * logged nor stored): the domain looks up a key's client, and keeps one request budget per key.
 */
export interface VendorKeys {
  /** The operator's own keys. */
  fingerprints(): readonly string[];
  /** The client of an operator's key or of a server's key learnt with `learn`. */
  clientFor(fingerprint: string): VeoClient;
  /** Makes a client for a server's own key (or finds the one there is); returns its fingerprint. */
  learn(apiKey: string): string;
  /** Drops a server key's client; an operator's key is never dropped. */
  forget(fingerprint: string): void;
}

/**
 * Which of the operator's keys an alert is about, when there is more than one: its fingerprint,
 * and how many other keys still go on.
 */
export interface AlertKey {
  keyFingerprint?: string;
  otherKeys?: number;
}

/** A secret sealed with AES-256-GCM: its own random IV, the ciphertext and the tag, all base64. */
export interface Sealed {
  iv: string;
  ciphertext: string;
  tag: string;
}

/**
 * Seals and opens short secrets (servers' vendor keys) under one key. `context` is bound as
 * additional authenticated data: what was sealed for one server does not open as another's.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): Sealed;
  /** The plaintext, or undefined when this key (or this context) did not seal it. */
  open(sealed: Sealed, context: string): string | undefined;
}

/** What a server's owner (or, with DMs closed, its log channel) is told about the server's own key. */
export type ServerAlert = { kind: 'account_empty' | 'key_refused'; guildId: string };

/** Tells a server's owner, once, that its own key's account is empty or the vendor refuses the key. */
export type AlertServer = (alert: ServerAlert) => void;

/** What the operator is told by DM. */
export type OperatorAlert =
  | ({ kind: 'account_empty'; requiredCredits: number | undefined; waitingCredits: number } & AlertKey)
  | ({ kind: 'unknown_outcomes'; count: number } & AlertKey);

/** Tells the operator, once, that the account is empty or the key paused; the words and the DM are Discord's side. */
export type AlertOperator = (alert: OperatorAlert) => void;
