import type { FailureCode } from '../../../domain/generation.js';

/** Why a request left the queue without its turn (the turns of issue 19); merged into the failure notes. */
export const turnsFailures = {
  QUEUE_TEXT_TIMEOUT: '動画サービスの混雑が長く続き、このリクエストはボットが許す最長の待ち時間を超えたため、送信されずに取り消されました。クレジットは返還されました。しばらくしてからお試しください。',
} satisfies Partial<Record<FailureCode, string>>;
