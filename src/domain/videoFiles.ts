/** A file on the bot's own disk: its bytes are read from `content` when sent, not held in memory. */
export interface LocalFile {
  /** Where it is, for ffmpeg; never a link. */
  path: string;
  size: number;
  content: Blob;
  /** Frees what holds the bytes, once the video was sent or given up. */
  dispose(): Promise<void>;
}

/** A video on the bot's own disk: downloaded, or made from one. */
export type LocalVideo = LocalFile;
/** A downloaded video. */
export type DownloadedVideo = LocalVideo;

/** A video as sent to Discord, named as the member will see the file. */
export interface VideoFile {
  name: string;
  size: number;
  content: Blob;
  /** A smaller copy of the video, or part `part` of `parts` of one, made to fit the upload limit. */
  copy?: { part: number; parts: number };
}

/**
 * Why a download gave no file: over the size it may take, bytes that are not a whole MP4, the
 * vendor refusing it (4xx, a link that is not http), or the vendor unreachable (network, time-out,
 * 5xx), the only one worth trying again.
 */
export type DownloadFailure = 'too_large' | 'not_mp4' | 'refused' | 'unreachable';

export type DownloadResult = { ok: true; video: DownloadedVideo } | { ok: false; failure: DownloadFailure; detail: string };

/** How finished videos are attached to their replies. */
export interface VideoFileSettings {
  enabled: boolean;
  /** File deliveries at once; each keeps its video in a temporary file until Discord has it. */
  concurrency: number;
  downloadTimeoutMs: number;
  /** Retries of a download or upload that failed on the network or with a 5xx, before the link is shown. */
  retries: number;
}

/** Discord's default upload limit, used when the interaction did not carry one. */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;
/** Discord takes at most this many files, and this many bytes, in one message request. */
export const MAX_FILES_PER_MESSAGE = 10;
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;

/** The largest original the bot downloads to make a copy that fits from. */
export const MAX_SOURCE_BYTES = 512 * 1024 * 1024;
