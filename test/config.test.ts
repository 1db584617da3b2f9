import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const valid = { DISCORD_TOKEN: 'discord-token-value', NANOPHOTO_API_KEY: 'nanophoto-key-value' };

describe('loadConfig', () => {
  it('names every missing required setting in one message', () => {
    const attempt = () => loadConfig({});
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DISCORD_TOKEN is missing[\s\S]*NANOPHOTO_API_KEY is missing/);
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

  it('maps an unlimited period to no budget', () => {
    expect(loadConfig({ ...valid, DEFAULT_BUDGET_PERIOD: 'unlimited' }).quota.budget).toBeNull();
  });
});
