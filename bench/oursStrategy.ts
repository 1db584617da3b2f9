import { isFinished } from '../src/domain/generation.js';
import { parseVideoRequest } from '../src/domain/videoRequest.js';
import { startBenchBot } from './benchBot.js';
import type { Observed, StrategyFactory } from './simulation.js';

/** Looks at the bot after each tick: its generations by submission index (for diagnostics such as bench/latency.ts). */
export type TickWatcher = (bot: ReturnType<typeof startBenchBot>, generationIdOf: ReadonlyMap<number, number>) => void;

/** The bot's own domain (bench/benchBot.ts); its replies are "edited" when the outbox hands them over. */
export const oursStrategy: StrategyFactory = (context) => watchedOursStrategy()(context);

/** `oursStrategy`, with `watch` called after every tick. */
export const watchedOursStrategy = (watch?: TickWatcher): StrategyFactory => async ({ clock, api, config, apiKeys, serverKeys }) => {
  const indexOf = new Map<number, number>();
  const generationIdOf = new Map<number, number>();
  const edited = new Map<number, { at: number; state: 'completed' | 'partial' | 'failed' }>();
  let discordEdits = 0;
  const bot = startBenchBot({
    clock,
    api,
    config,
    apiKeys,
    serverKeys: serverKeys.length > 0,
    onEdit(generation) {
      discordEdits += 1;
      if (isFinished(generation) && !edited.has(generation.id)) {
        edited.set(generation.id, { at: clock.now().getTime(), state: generation.state as 'completed' | 'partial' | 'failed' });
      }
    },
  });
  // With servers that bring their own keys, submissions go to them in turn, each server one key.
  const servers = serverKeys.length;
  const guildOf = (server: number) => (servers > 0 ? `1000000000000${String(10_000 + server)}` : '100000000000000001');
  const serverOf = new Map<number, number>();
  for (const [server, key] of serverKeys.entries()) await bot.serverKeys.set(guildOf(server), key, '200000000000000999');
  const origin = (index: number) => ({
    guildId: guildOf(serverOf.get(index) ?? 0),
    channelId: '300000000000000001',
    userId: `2000000000000000${String(index % 40).padStart(2, '0')}`,
    interactionId: null,
    locale: null,
    guildLocale: null,
    attachmentSizeLimit: null,
  });

  return {
    async submit(submission) {
      serverOf.set(submission.index, submission.server);
      const request = parseVideoRequest({ text: submission.shotPrompts.join(' || '), images: [], mode: null, aspect: null, resolution: null });
      const generation = await bot.queue.start(bot.generations.create(origin(submission.index), [], request));
      indexOf.set(generation.id, submission.index);
      generationIdOf.set(submission.index, generation.id);
    },
    async tick() {
      await bot.tick();
      watch?.(bot, generationIdOf);
    },
    settled: () => edited.size === indexOf.size,
    observe(): Observed[] {
      return [...indexOf].map(([id, index]) => {
        const seen = edited.get(id);
        return { index, acceptedAt: bot.repos.generations.get(id)?.submittedAt?.getTime(), editedAt: seen?.at, outcome: seen?.state, ...(servers > 0 ? { server: serverOf.get(index) ?? 0 } : {}) };
      });
    },
    extras: () => ({ discordEdits, warnings: bot.warnings() }),
    close: () => bot.close(),
  };
};
