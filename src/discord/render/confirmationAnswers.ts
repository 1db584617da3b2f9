import type { Answer } from '../pendingConfirmations.js';
import { noPings } from '../replies.js';
import type { Translate } from '../words/catalogue.js';

/** A question without its buttons, saying how it ended. */
export const closedQuestion = (content: string) => ({ content, embeds: [], components: [], allowedMentions: noPings });

/** What a press on a question no longer open is told: what truly happened to it. */
export function notOpenText(answer: Extract<Answer, { kind: 'ended' | 'replaced' | 'unknown' }>, say: Translate): string {
  if (answer.kind === 'ended') return say('confirm.ended', { outcome: answer.outcome, command: answer.command });
  return answer.kind === 'replaced' ? say('confirm.replaced') : say('confirm.closed');
}

/** The question once its Confirm started the video (or failed to): the outcome is in the reply. */
export const answeredQuestion = (say: Translate) => closedQuestion(say('confirm.answered'));

/** The question once its member cancelled it. */
export const cancelledQuestion = (say: Translate) => closedQuestion(say('confirm.cancelled'));
