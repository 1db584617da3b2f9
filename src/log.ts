/** Structured JSON logs, one line per event. Secrets are redacted before anything is written. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  child(fields: LogFields): Logger;
  /** From now on this value is redacted from every line of this logger, its parent and its children (a server's key, once read). */
  learnSecret(secret: string): void;
}

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const secretKeyPattern = /token|secret|password|authorization|api[-_]?key/i;
// Interaction tokens travel in webhook URLs, which discord.js errors carry in their url and stack.
const webhookTokenPattern = /(\/(?:webhooks|interactions)\/\d+\/)[\w.-]{20,}/g;

export interface LoggerOptions {
  level?: LogLevel;
  /** Values that must never appear in a log line, such as the bot token and the API key. */
  secrets?: readonly string[] | SecretList;
  write?: (line: string) => void;
  bindings?: LogFields;
}

/** The values a logger and all its children redact; it only grows. */
export interface SecretList {
  add(secret: string): void;
  values(): readonly string[];
}

export function createSecretList(initial: readonly string[] = []): SecretList {
  // Shorter values would redact ordinary words.
  const known = new Set(initial.filter((s) => s.length >= 6));
  return {
    add(secret) {
      if (secret.length >= 6) known.add(secret);
    },
    values: () => [...known],
  };
}

const isSecretList = (value: LoggerOptions['secrets']): value is SecretList => value !== undefined && !Array.isArray(value);

export function createLogger(options: LoggerOptions = {}): Logger {
  const minimum = levelOrder[options.level ?? 'info'];
  const list = isSecretList(options.secrets) ? options.secrets : createSecretList(options.secrets ?? []);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const bindings = options.bindings ?? {};

  const redactString = (value: string): string =>
    list.values().reduce((text, secret) => text.split(secret).join('[redacted]'), value).replace(webhookTokenPattern, '$1[redacted]');

  const emit = (level: LogLevel, fields: LogFields, message: string): void => {
    if (levelOrder[level] < minimum) return;
    const entry = { time: new Date().toISOString(), level, msg: message, ...bindings, ...fields };
    write(redactString(JSON.stringify(entry, redactReplacer)));
  };

  return {
    debug: (fields, message) => emit('debug', fields, message),
    info: (fields, message) => emit('info', fields, message),
    warn: (fields, message) => emit('warn', fields, message),
    error: (fields, message) => emit('error', fields, message),
    child: (extra) => createLogger({ ...options, secrets: list, bindings: { ...bindings, ...extra } }),
    learnSecret: (secret) => list.add(secret),
  };
}

function redactReplacer(key: string, value: unknown): unknown {
  if (key && secretKeyPattern.test(key) && typeof value === 'string') return '[redacted]';
  if (value instanceof Error) {
    const { name, message, stack } = value;
    if (isRestError(value)) return { name, message, stack, method: value.method, path: pathOf(value.url), status: value.status, code: value.code };
    return { name, message, stack, ...(value as unknown as Record<string, unknown>) };
  }
  return value;
}

/**
 * discord.js's DiscordAPIError and HTTPError carry the whole request they refused (`requestBody`:
 * a rendered message, prompts included) and Discord's raw answer: only the route, status and code
 * are logged. Recognised by shape, so the logger needs no discord.js.
 */
interface RestError extends Error {
  requestBody: unknown;
  method: unknown;
  url: unknown;
  status?: unknown;
  code?: unknown;
}

const isRestError = (error: Error): error is RestError => 'requestBody' in error && 'method' in error && 'url' in error;

function pathOf(url: unknown): unknown {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}

export const silentLogger: Logger = createLogger({ write: () => {} });
