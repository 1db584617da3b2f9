import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, settingNames } from '../src/config.js';

const valid = { DISCORD_TOKEN: 'discord-token-value', NANOPHOTO_API_KEY: 'nanophoto-key-value' };

describe('loadConfig', () => {
  it('names every missing required setting in one message', () => {
    const attempt = () => loadConfig({});
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DISCORD_TOKEN is missing[\s\S]*NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS is missing/);
  });

  it('treats a blank value as missing and reports malformed ones by name', () => {
    expect(() => loadConfig({ ...valid, DISCORD_TOKEN: '  ', POLLER_TICK_MS: 'soon', DISCORD_GUILD_ID: 'abc' })).toThrow(
      /DISCORD_TOKEN is missing[\s\S]*DISCORD_GUILD_ID[\s\S]*POLLER_TICK_MS/,
    );
  });

  it('never echoes a secret in its message', () => {
    try {
      loadConfig({ ...valid, NANOPHOTO_API_URL: 'not a url' });
    } catch (error) {
      expect(String(error)).not.toContain(valid.NANOPHOTO_API_KEY);
      expect(String(error)).toContain('NANOPHOTO_API_URL');
      return;
    }
    throw new Error('expected a ConfigError');
  });

  it('applies documented defaults', () => {
    const config = loadConfig({ ...valid, DISCORD_GUILD_ID: '' });
    expect(config.discord).toEqual({ token: valid.DISCORD_TOKEN, guildId: undefined, apiUrl: 'https://discord.com/api' });
    expect(config.nanophoto.apiUrl).toBe('https://nanophoto.ai');
    expect(config.databasePath).toBe('data/veo-bot.db');
    expect(config.timing.pollerTickMs).toBe(5000);
    expect(config.quota).toEqual({ budget: 300, period: 'week', memberCap: null, confirmThreshold: 30 });
  });

  it('fetches links over https from public hosts unless told otherwise; VIDEO_HOSTS takes host names', () => {
    expect(loadConfig(valid).links).toEqual({ allowPrivate: false, hosts: [] });
    expect(loadConfig({ ...valid, VIDEO_HOSTS: ' CDN.nanophoto.ai, media.example.com ,', ALLOW_PRIVATE_URLS: 'true' }).links).toEqual({
      allowPrivate: true,
      hosts: ['cdn.nanophoto.ai', 'media.example.com'],
    });
    expect(() => loadConfig({ ...valid, VIDEO_HOSTS: 'https://cdn.nanophoto.ai/' })).toThrow(/VIDEO_HOSTS/);
    expect(() => loadConfig({ ...valid, ALLOW_PRIVATE_URLS: 'yes' })).toThrow(/ALLOW_PRIVATE_URLS/);
  });

  it('reads `NAME=` left blank, as .env.example shows them, as the default', () => {
    const config = loadConfig({ ...valid, DISCORD_API_URL: '', NANOPHOTO_API_URL: ' ', DEFAULT_SERVER_BUDGET: '', CONFIRM_THRESHOLD: '' });
    expect(config.discord.apiUrl).toBe('https://discord.com/api');
    expect(config.nanophoto.apiUrl).toBe('https://nanophoto.ai');
    expect(config.quota).toMatchObject({ budget: 300, confirmThreshold: 30 });
  });

  it('reports settings that contradict each other together with every other problem', () => {
    expect(() =>
      loadConfig({ ...valid, NANOPHOTO_API_URL: 'nope', SHOT_MIN_MS: '5000', SHOT_MAX_MS: '1000', API_RATE_LIMIT: '10', API_POLL_RESERVE: '8', API_SUBMIT_RESERVE: '2' }),
    ).toThrow(/NANOPHOTO_API_URL[\s\S]*SHOT_MAX_MS must not be less than SHOT_MIN_MS[\s\S]*API_POLL_RESERVE \+ API_SUBMIT_RESERVE must be less than API_RATE_LIMIT/);
  });

  it('serves health and metrics only when HTTP_PORT is set, on the loopback address unless told otherwise', () => {
    expect(loadConfig({ ...valid, HTTP_PORT: '' }).http).toBeUndefined();
    expect(loadConfig({ ...valid, HTTP_PORT: '9464' }).http).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ ...valid, HTTP_PORT: '8080', HTTP_HOST: '0.0.0.0' }).http).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(() => loadConfig({ ...valid, HTTP_PORT: '70000' })).toThrow(/HTTP_PORT/);
  });

  it('takes NANOPHOTO_API_KEYS as a pool, NANOPHOTO_API_KEY as a pool of one, both as their union, each key once', () => {
    const bare = { DISCORD_TOKEN: valid.DISCORD_TOKEN };
    expect(loadConfig(valid).nanophoto.apiKeys).toEqual(['nanophoto-key-value']);
    expect(loadConfig({ ...bare, NANOPHOTO_API_KEYS: ' key-one, key-two ,,key-one' }).nanophoto.apiKeys).toEqual(['key-one', 'key-two']);
    expect(loadConfig({ ...bare, NANOPHOTO_API_KEY: 'key-two', NANOPHOTO_API_KEYS: 'key-one,key-two' }).nanophoto.apiKeys).toEqual(['key-two', 'key-one']);
    expect(() => loadConfig({ ...bare, NANOPHOTO_API_KEYS: ' , ' })).toThrow(/NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS is missing/);
  });

  it('documents every setting in .env.example and in the README settings table', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(settingNames.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([]);
    expect(settingNames.filter((name) => !new RegExp(`^\\|[^\\n]*\`${name}\``, 'm').test(readme))).toEqual([]);
  });

  it('reads the key encryption secrets as 32 bytes, and refuses SERVER_KEYS=required without one', () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    const keys = loadConfig({ ...valid, KEY_ENCRYPTION_SECRET: secret }).serverKeys;
    expect(keys).toEqual({ mode: 'allowed', secret: Buffer.alloc(32, 7), previousSecret: undefined });
    expect(loadConfig(valid).serverKeys.secret).toBeUndefined();
    expect(() => loadConfig({ ...valid, KEY_ENCRYPTION_SECRET: Buffer.alloc(16).toString('base64') })).toThrow(/KEY_ENCRYPTION_SECRET must be 32 random bytes/);
    expect(() => loadConfig({ ...valid, SERVER_KEYS: 'required' })).toThrow(/SERVER_KEYS=required needs KEY_ENCRYPTION_SECRET/);
    expect(loadConfig({ ...valid, SERVER_KEYS: 'required', KEY_ENCRYPTION_SECRET: secret }).serverKeys.mode).toBe('required');
  });

  it('refuses KEY_ENCRYPTION_SECRET_PREVIOUS without KEY_ENCRYPTION_SECRET, naming the missing setting', () => {
    const previous = Buffer.alloc(32, 3).toString('base64');
    expect(() => loadConfig({ ...valid, KEY_ENCRYPTION_SECRET_PREVIOUS: previous })).toThrow(/KEY_ENCRYPTION_SECRET_PREVIOUS .*set KEY_ENCRYPTION_SECRET/);
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...valid, KEY_ENCRYPTION_SECRET: secret, KEY_ENCRYPTION_SECRET_PREVIOUS: previous }).serverKeys.previousSecret).toEqual(Buffer.alloc(32, 3));
  });

  it('hands the log every secret as written in the environment, the key encryption secrets too', () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    const previous = Buffer.alloc(32, 3).toString('base64');
    const { logSecrets } = loadConfig({ ...valid, KEY_ENCRYPTION_SECRET: secret, KEY_ENCRYPTION_SECRET_PREVIOUS: previous });
    expect(logSecrets).toEqual([valid.DISCORD_TOKEN, 'nanophoto-key-value', secret, previous]);
    expect(loadConfig(valid).logSecrets).toEqual([valid.DISCORD_TOKEN, 'nanophoto-key-value']);
  });

  it('keeps a confirmation question within the 15 minutes its interaction token lives', () => {
    expect(() => loadConfig({ ...valid, CONFIRMATION_TTL_MS: '900000' })).toThrow(/CONFIRMATION_TTL_MS must be under 15 minutes/);
    expect(loadConfig({ ...valid, CONFIRMATION_TTL_MS: '899999' }).timing.confirmationTtlMs).toBe(899_999);
  });

  it('backs up only when BACKUP_DIR is set: daily, keeping 7, within what a timer can wait', () => {
    expect(loadConfig(valid).backup).toBeUndefined();
    expect(loadConfig({ ...valid, BACKUP_DIR: '/data/backups' }).backup).toEqual({ dir: '/data/backups', intervalMs: 86_400_000, keep: 7 });
    expect(() => loadConfig({ ...valid, BACKUP_DIR: 'b', BACKUP_INTERVAL_MS: '2147483648', BACKUP_KEEP: '0' })).toThrow(
      /BACKUP_INTERVAL_MS must be at most 2147483647[\s\S]*BACKUP_KEEP/,
    );
  });

  it('maps an unlimited period to no budget', () => {
    expect(loadConfig({ ...valid, DEFAULT_BUDGET_PERIOD: 'unlimited' }).quota.budget).toBeNull();
  });
});
