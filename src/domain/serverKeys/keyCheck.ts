import { VeoApiError } from '../../veo/errors.js';
import type { VeoClient } from '../../veo/types.js';
import type { RequestBudget } from '../requestBudget.js';

/** What one status request for a task that cannot exist says of a pasted key. */
export type KeyCheckOutcome = 'valid' | 'refused' | 'unavailable';

// No task has this id under any key: the vendor answers TASK_NOT_FOUND to a key it knows, 401 to one it does not.
const NO_SUCH_TASK = { shotId: 'veo-bot-key-check', taskId: 'task_veo_bot_key_check' };
const MIN_PAUSE_MS = 60_000;

/** Checks a key with one request, taken from that key's own budget; a busy or unreachable vendor is "try later", never a verdict. */
export async function checkKey(client: VeoClient, budget: Pick<RequestBudget, 'tryTakeForPoll' | 'rateLimited'>): Promise<KeyCheckOutcome> {
  if (!budget.tryTakeForPoll({ queueWaiting: true })) return 'unavailable';
  try {
    await client.checkStatus([NO_SUCH_TASK], '720p');
    // Only a key the vendor knows gets past its auth check.
    return 'valid';
  } catch (error) {
    if (!(error instanceof VeoApiError)) return 'unavailable';
    if (error.status === 401 || error.code === 'LOGIN_REQUIRED') return 'refused';
    if (error.code === 'TASK_NOT_FOUND') return 'valid';
    if (error.status === 429) budget.rateLimited(error.retryAfterMs, MIN_PAUSE_MS);
    return 'unavailable';
  }
}
