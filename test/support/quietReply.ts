import type { ReplyPort, StartRequest } from '../../src/domain/generationStarter.js';

/** A reply port that answers at once and keeps the questions it was asked, for domain tests of the start call. */
export function quietReply() {
  const questions: StartRequest[] = [];
  let nextMessage = 900_000_000_000_000_001n;
  const port: ReplyPort = {
    acknowledge: async () => undefined,
    open: async () => ({ messageId: String(nextMessage++) }),
    noteCredits: async () => undefined,
    askToConfirm: async (start) => void questions.push(start),
  };
  return { port, questions };
}
