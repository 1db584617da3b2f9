/** Runs at most `concurrency` jobs at once; the others wait their turn in order. */
export function createLimiter(concurrency: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limited<T>(job: () => Promise<T>): Promise<T> {
    // A waiter is handed the finishing job's slot, still counted: a caller arriving before the
    // waiter resumes must not take it as free too.
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
