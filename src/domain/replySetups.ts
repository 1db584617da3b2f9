/**
 * Generations whose command handler is still setting up the reply: deferring it, the first submit,
 * the first edit. The poller's tick leaves them alone meanwhile: it must not submit one before its
 * reply's id is stored (a crash would then leave the reply unknown), nor edit a reply the handler
 * is about to make. Kept in memory: after a restart no handler is running.
 */
export function createReplySetups() {
  const settingUp = new Set<number>();
  return {
    hold(generationId: number): () => void {
      settingUp.add(generationId);
      return () => settingUp.delete(generationId);
    },
    has: (generationId: number): boolean => settingUp.has(generationId),
    ids: (): number[] => [...settingUp],
  };
}

export type ReplySetups = ReturnType<typeof createReplySetups>;
