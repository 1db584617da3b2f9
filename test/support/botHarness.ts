import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startFakeDiscord, type CommandOption, type FakeAttachment, type FakeDiscord, type FakeDiscordOptions, type FakeMessage, type FakeUser } from './fakeDiscord/index.js';
import { startFakeNanophoto, type FakeNanophoto, type FakeNanophotoOptions } from './fakeNanophoto.js';

export const BOT_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.fake.bot-token-for-tests';
export const API_KEY = 'test-key';
export const GUILD_ID = '100000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const member: FakeUser = { id: '200000000000000001', username: 'alice', roleIds: [], permissions: '0' };

/** Compressed timings: a shot takes 150-400 ms and the poller wakes every 25 ms. */
export const fastTiming = {
  POLLER_TICK_MS: '25',
  SHOT_MIN_MS: '100',
  SHOT_MAX_MS: '400',
  POLL_INTERVAL_MS: '50',
  POLL_MAX_INTERVAL_MS: '200',
  GENERATION_GRACE_MS: '5000',
  DELIVERY_RETRY_MS: '50',
  API_TIMEOUT_MS: '2000',
};

/** The settings every test bot runs with: the loopback services, one server, debug logs, fast timings. */
export function testBotEnv(urls: { discordUrl: string; apiUrl: string; databasePath: string }): Record<string, string> {
  return {
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_GUILD_ID: GUILD_ID,
    DISCORD_API_URL: urls.discordUrl,
    NANOPHOTO_API_KEY: API_KEY,
    NANOPHOTO_API_URL: urls.apiUrl,
    DATABASE_PATH: urls.databasePath,
    LOG_LEVEL: 'debug',
    // The fake vendor serves its videos, and the fake Discord its attachments, over http on loopback.
    ALLOW_PRIVATE_URLS: 'true',
    // The end-to-end tests ask for the same video as one member again and again, seconds apart; the
    // member rules (limit, double press, cooldown) are off here and on in the tests that are about them.
    MEMBER_ACTIVE_LIMIT: '0',
    DUPLICATE_WINDOW_MS: '0',
    MEMBER_FAILURE_LIMIT: '0',
    ...fastTiming,
  };
}

export interface FakeServicesOptions {
  api?: FakeNanophotoOptions;
  discord?: Partial<FakeDiscordOptions>;
}

/** The loopback Discord (one server, one channel) and the fake nanophoto API with fast shots. */
export async function startFakeServices(options: FakeServicesOptions = {}): Promise<{ discord: FakeDiscord; api: FakeNanophoto }> {
  const discord = await startFakeDiscord({
    botToken: BOT_TOKEN,
    guilds: [{ id: GUILD_ID, name: 'Test Server', channels: [{ id: CHANNEL_ID, name: 'videos' }] }],
    ...options.discord,
  });
  const api = await startFakeNanophoto({ apiKeys: [API_KEY], shotDurationMs: 150, ...options.api });
  return { discord, api };
}

/** A member runs `/veo prompt` in the test channel. */
export function dispatchPrompt(discord: FakeDiscord, text: string, extra: CommandOption[] = [], attachments: FakeAttachment[] = [], user: FakeUser = member) {
  return discord.dispatchCommand({
    name: 'veo',
    options: [{ name: 'prompt', type: 1, options: [{ name: 'text', type: 3, value: text }, ...extra] }],
    user,
    channelId: CHANNEL_ID,
    attachments,
  });
}

/**
 * Real time, moved to a Wednesday noon in mid-month: quota periods are UTC calendar days, weeks
 * and months, and a test that crossed midnight on the wall clock would see its budget reset.
 */
export function midPeriodClock(): Clock {
  const offset = Date.UTC(2026, 10, 18, 12) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export interface BotWorld {
  discord: FakeDiscord;
  api: FakeNanophoto;
  bot: RunningBot;
  logs: string[];
  databasePath: string;
  prompt(text: string, extra?: CommandOption[], attachments?: FakeAttachment[], user?: FakeUser): ReturnType<FakeDiscord['dispatchCommand']>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the real bot against a loopback Discord and the fake nanophoto API. */
export async function startWorld(options: FakeServicesOptions & { env?: Record<string, string>; clock?: Clock } = {}): Promise<BotWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'veo-e2e-'));
  const databasePath = join(dir, 'bot.db');
  const { discord, api } = await startFakeServices(options);
  const logs: string[] = [];
  const config = loadConfig({ ...testBotEnv({ discordUrl: discord.restUrl, apiUrl: api.url, databasePath }), ...options.env });
  const log = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: [BOT_TOKEN, API_KEY] });
  const clock = options.clock ?? midPeriodClock();
  const world: BotWorld = {
    discord,
    api,
    bot: await startBot(config, { log, clock }),
    logs,
    databasePath,
    prompt: (text, extra, attachments, user) => dispatchPrompt(discord, text, extra, attachments, user),
    async restart() {
      await world.bot.stop();
      world.bot = await startBot(config, { log, clock });
    },
    async close() {
      await world.bot.stop();
      await discord.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** A reply that holds its video: the MP4 attached, or (when it could not be) the vendor's link in the content. */
export function showsVideo(message: FakeMessage | undefined): boolean {
  if (!message) return false;
  return message.attachments.some((a) => a.filename.endsWith('.mp4')) || /^https?:\/\/\S+\.mp4/m.test(message.content);
}
