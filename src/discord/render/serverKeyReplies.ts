import type { APIEmbed } from 'discord.js';
import type { ServerKeyStanding } from '../../domain/serverKeys/serverKeys.js';
import type { Translate } from '../words/catalogue.js';

/** `/veo-admin settings`' line on the server's own key: whether one is set, its fingerprint, requests left, account state. Never the key. */
export function withServerKeyField(embed: APIEmbed, key: ServerKeyStanding | null, required: boolean, say: Translate): APIEmbed {
  const value = key ? say('serverKeys.settings.key', key) : say('serverKeys.settings.none', { required });
  return { ...embed, fields: [...(embed.fields ?? []), { name: say('serverKeys.settings.field'), value }] };
}
