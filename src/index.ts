import { existsSync } from 'node:fs';
import { startBot } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { InstanceLockedError } from './service/instanceLock.js';

// A local .env is a convenience; real environment variables win over it.
if (existsSync('.env')) process.loadEnvFile('.env');

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const log = createLogger({ level: config.logLevel, secrets: config.logSecrets });
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

try {
  const bot = await startBot(config, { log });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'shutting down: finishing the tick and the commands in flight');
      void bot.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (error instanceof InstanceLockedError) console.error(error.message);
  else log.error({ err: error }, 'the bot could not start');
  process.exit(1);
}
