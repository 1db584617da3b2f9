/** Typed values of the nanophoto Veo 3.1 API, as the rest of the bot sees them. */
export const resolutions = ['720p', '1080p', '4k'] as const;
export type Resolution = (typeof resolutions)[number];

export const aspectRatios = ['16:9', '9:16'] as const;
export type AspectRatio = (typeof aspectRatios)[number];

export const generationTypes = [
  'TEXT_2_VIDEO',
  'FIRST_AND_LAST_FRAMES_2_VIDEO',
  'REFERENCE_2_VIDEO',
] as const;
export type GenerationType = (typeof generationTypes)[number];

export interface ShotRequest {
  /** Our own id, unique across the whole bot so that polls can be batched. */
  id: string;
  prompt: string;
  generationType: GenerationType;
  aspectRatio: AspectRatio;
  imageUrls: string[];
}

export interface GenerateRequest {
  shots: ShotRequest[];
  resolution: Resolution;
}

export type ShotStatus = 'processing' | 'completed' | 'failed';

export interface TaskRef {
  shotId: string;
  taskId: string;
}

export interface SubmittedShot extends TaskRef {
  status: ShotStatus;
}

export interface GenerateResult {
  shots: SubmittedShot[];
  /** What the API says it charged; absent if it did not say. */
  creditsUsed: number | undefined;
}

export interface ShotState extends TaskRef {
  status: ShotStatus;
  videoUrl: string | undefined;
  generationSeconds: number | undefined;
  error: string | undefined;
}

export interface StatusResult {
  status: ShotStatus;
  shots: ShotState[];
  /** A concatenated video for the whole request, if the API ever gives one. */
  videoUrl: string | undefined;
}

export interface VeoClient {
  generate(request: GenerateRequest): Promise<GenerateResult>;
  checkStatus(tasks: TaskRef[], resolution: Resolution): Promise<StatusResult>;
}
