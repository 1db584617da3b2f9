import { rmSync } from 'node:fs';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { closeDb, openDb } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import { commands, memberCommands, operatorCommands } from '../commands/index.js';
import type { CommandDeps } from '../commands/command.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createDomainServices } from './domain/domainServices.js';
import { createVideoDownloader, transcodingDirectory, videosInFlightDirectory } from './delivery/videoDownload.js';
import { gatewayReady } from './discord/gatewayStatus.js';
import { inviteUrl } from './discord/invite.js';
import { createDiscordNotifier } from './discord/notifier.js';
import { createOperatorAlerts, createOperators } from './discord/operators.js';
import { createServerAlerts } from './discord/serverAlerts.js';
import { createPendingConfirmations } from './discord/pendingConfirmations.js';
import { noPings } from './discord/replies.js';
import { createReplyPorts } from './discord/replyPort.js';
import { registerAllCommands } from './discord/registerCommands.js';
import { observeDiscordErrors } from './discord/restErrors.js';
import { createImageLinkChecker } from './discord/imageLinkChecker.js';
import { createInteractionRouter } from './discord/router.js';
import { createModerationPosts } from './discord/moderationPosts.js';
import type { Logger } from './log.js';
import { createPoller } from './poller.js';
import { createBackups } from './service/backups.js';
import { acquireInstanceLock } from './service/instanceLock.js';
import { createHealthCheck } from './service/health.js';
import { startHttpServer, type RunningHttpServer } from './service/httpServer.js';
import { createServiceMetrics } from './service/metrics.js';
import { createTaskPool } from './taskPool.js';
import type { Timers } from './timerLoop.js';
import { createVeoClient } from './veo/client.js';
import { createVendorKeys, fingerprintOf } from './veo/vendorKeys.js';
import { createFfmpegTranscoder } from './video/ffmpegTranscoder.js';
import { locateFfmpeg } from './video/ffmpegLocator.js';
import { createKeyCipher } from './secrets/keyCipher.js';

export interface RunningBot {
  client: Client<true>;
  /** Runs one poller tick now (tests use it instead of waiting for the timer). */
  tick(): Promise<void>;
  stop(): Promise<void>;
  /** Where `/healthz` and `/metrics` are served, when HTTP_PORT is set. */
  httpUrl: string | undefined;
}

export interface BotOptions {
  log: Logger;
  clock?: Clock;
  timers?: Timers;
}

/**
 * Builds the adapters (database, vendor client, Discord client and notifier, downloader, HTTP
 * server), hands them to the domain's composition root, and starts and stops it all.
 */
export async function startBot(config: Config, { log, clock = systemClock, timers }: BotOptions): Promise<RunningBot> {
  const { timing } = config;
  // Before migrations and login: a second bot on this database must change nothing.
  const lock = acquireInstanceLock(config.databasePath);
  // Whatever a crash left: the lock makes this database's folder ours alone.
  const videoDirectory = videosInFlightDirectory(config.databasePath);
  const transcodeDirectory = transcodingDirectory(config.databasePath);
  rmSync(videoDirectory, { recursive: true, force: true });
  rmSync(transcodeDirectory, { recursive: true, force: true });
  const db = openDb(config.databasePath);
  const repos = createRepos(db);
  // Scraped only once the HTTP server runs, after the domain below is built.
  const metrics = createServiceMetrics({ repos, requestsLeft: () => domain.pool.requestsLeft(), clock });
  // Metrics and logs name a key by its fingerprint, never the key.
  const keys = createVendorKeys(config.nanophoto.apiKeys, (apiKey) =>
    createVeoClient({
      baseUrl: config.nanophoto.apiUrl,
      apiKey,
      timeoutMs: config.nanophoto.timeoutMs,
      onRequest: metrics.veoObserverFor(fingerprintOf(apiKey)),
      log: log.child({ part: 'veo', keyFingerprint: fingerprintOf(apiKey) }),
    }),
  );
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.discord.apiUrl },
    allowedMentions: noPings,
  });
  observeDiscordErrors(client.rest, metrics.onDiscordError);
  const operators = createOperators(config.operator.userIds);
  const ffmpeg = await locateFfmpeg({ configured: config.transcode.ffmpegPath });
  if (ffmpeg) log.info({ ffmpeg: ffmpeg.path, source: ffmpeg.source, version: ffmpeg.version }, 'ffmpeg found: videos over the upload limit get a copy that fits; Extend and Join are on');
  else log.warn({ FFMPEG_PATH: config.transcode.ffmpegPath ?? null }, 'no ffmpeg found: videos over the upload limit are shown as links; Extend and Join are off');
  const transcoder =
    ffmpeg && createFfmpegTranscoder({ binary: { path: ffmpeg.path, timeoutMs: config.transcode.timeoutMs }, directory: transcodeDirectory, concurrency: config.transcode.concurrency });
  const notifier = createDiscordNotifier({
    rest: client.rest,
    applicationId: () => client.application!.id,
    clock,
    tokenTtlMs: timing.interactionTokenTtlMs,
    videoTools: Boolean(transcoder),
    log: log.child({ part: 'notifier' }),
  });
  if (config.links.allowPrivate) log.warn({}, 'ALLOW_PRIVATE_URLS is on: video and image links may use http and reach this machine and its network (meant for tests on one machine)');
  const downloader = createVideoDownloader({
    timeoutMs: config.videoFiles.downloadTimeoutMs,
    directory: videoDirectory,
    links: config.links,
    log: log.child({ part: 'delivery' }),
  });
  const commandLog = log.child({ part: 'commands' });
  const imageLinks = createImageLinkChecker({ log: commandLog, links: config.links });

  const operatorAlerts = createOperatorAlerts({ rest: client.rest, operators, log: log.child({ part: 'operator' }) });
  // With the owner's DMs closed, the server's log channel is told; alerts come only once the domain below runs.
  const serverAlerts = createServerAlerts({
    rest: client.rest,
    guildOf: (guildId) => client.guilds.cache.get(guildId),
    logChannelOf: (guildId) => domain.moderation.view(guildId).logChannelId ?? undefined,
    log: log.child({ part: 'server-keys' }),
  });
  const { serverKeys: keySettings } = config;
  const domain = createDomainServices({
    repos,
    keys,
    notifier,
    downloader,
    ...(transcoder ? { transcoder } : {}),
    imageLinks,
    createTaskPool,
    clock,
    timing,
    rateLimit: config.nanophoto.rateLimit,
    quota: config.quota,
    operator: config.operator,
    members: config.members,
    videoFiles: config.videoFiles,
    promptRetentionDays: config.promptRetentionDays,
    alertOperator: operatorAlerts.alert,
    moderationPosts: createModerationPosts(client.rest),
    approvalTtlMs: timing.approvalTtlMs,
    serverKeys: {
      mode: keySettings.mode,
      box: keySettings.secret && createKeyCipher(keySettings.secret),
      previousBox: keySettings.previousSecret && createKeyCipher(keySettings.previousSecret),
    },
    alertServer: serverAlerts.alert,
    onDelivered: metrics.onDelivered,
    log,
  });
  domain.recoverAtStart();
  const { generations, checks, quotaAdmin, operator, results, startGeneration, members, withdrawals, moderation, approvals } = domain;

  const poller = createPoller({
    steps: domain.steps,
    intervalMs: timing.pollerTickMs,
    log: log.child({ part: 'poller' }),
    clock,
    ...(timers ? { timers } : {}),
  });

  const backups = config.backup && createBackups({ db, databasePath: config.databasePath, ...config.backup, clock, ...(timers ? { timers } : {}), log: log.child({ part: 'backups' }) });

  const confirmations = createPendingConfirmations({ clock, ttlMs: timing.confirmationTtlMs });
  const deps: CommandDeps = {
    generations,
    checks,
    quotaAdmin,
    startGeneration,
    replyPortFor: createReplyPorts({ notifier, confirmations, clock }),
    confirmations,
    operator,
    operators,
    serverKeys: domain.serverKeys,
    wake: () => poller.tick(),
    results,
    members,
    withdrawals,
    blocklists: domain.blocklists,
    moderation,
    approvals,
    videos: domain.videos,
    log: commandLog,
  };
  const route = createInteractionRouter(commands, deps, log.child({ part: 'router' }));
  // A command may be mid-`generate`: shutdown waits for it, or a charged video would be recorded as cut off.
  const handling = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    const done: Promise<void> = route(interaction).finally(() => handling.delete(done));
    handling.add(done);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));

  let readyClient: Client<true>;
  let http: RunningHttpServer | undefined;
  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(config.discord.token);
    readyClient = await ready;
    await operators.load(readyClient, log);
    operatorAlerts.ready();
    // Without an operator server, the operator rules through the settings alone.
    await registerAllCommands(readyClient, { memberCommands, operatorCommands, memberGuildId: config.discord.guildId, operatorGuildId: config.operator.guildId }, log);
    // A tick may wait on a slow API request; three ticks' time beyond that means it is stuck.
    const health = createHealthCheck({ repo: repos.service, clock, gatewayReady: () => gatewayReady(client), pollerProgressAt: poller.lastProgressAt, pollerMaxSilenceMs: 3 * timing.pollerTickMs + config.nanophoto.timeoutMs });
    http = config.http && (await startHttpServer({ ...config.http, health, metrics: metrics.registry, log: log.child({ part: 'http' }) }));
  } catch (error) {
    await client.destroy();
    closeDb(db);
    await Promise.all([keys.close(), downloader.close(), imageLinks.close(), transcoder?.close()]);
    lock.release();
    throw error;
  }
  log.info({ user: readyClient.user.tag, invite: inviteUrl(readyClient) }, 'bot ready; invite it with this URL');
  poller.start();
  backups?.start();

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    tick: () => poller.tick(),
    httpUrl: http?.url,
    stop() {
      stopping ??= (async () => {
        const startedAt = performance.now();
        client.removeAllListeners(Events.InteractionCreate);
        await http?.close();
        await Promise.all([poller.stop(), backups?.stop(), Promise.allSettled(handling)]);
        // Downloads in flight are aborted (a restart retries them); an upload already sent is waited for.
        await domain.filePool.stop();
        await client.destroy();
        await Promise.all([keys.close(), downloader.close(), imageLinks.close(), transcoder?.close()]);
        closeDb(db);
        lock.release();
        log.info({ durationMs: Math.round(performance.now() - startedAt) }, 'bot stopped');
      })();
      return stopping;
    },
  };
}
