import type { RefusalWords } from '../refusalMessages.js';
import { serverNames } from '../serverName.js';
import { number, plural } from './format.js';

const serverName = serverNames('server');
type ServerKeyRefusal = Pick<RefusalWords, Extract<keyof RefusalWords, `server_key${string}`>>;

/** Why a server's own key was not taken, or why its members cannot start a video because of it. */
export const serverKeyRefusals: ServerKeyRefusal = {
  server_keys_off: () => "This bot's operator does not let servers use their own nanophoto key; the bot's own key pays here.",
  server_keys_no_secret: () => "Servers' own keys are off: the bot's operator has not set up where to keep them safely.",
  server_keys_unusable: () => "Servers' own keys cannot be read or stored right now; the bot's operator has been told. Try again later.",
  server_key_malformed: () => 'That does not look like a nanophoto API key: paste the whole key, without spaces.',
  server_key_invalid: () => 'nanophoto does not accept that key. Check that you copied the whole key from your nanophoto account.',
  server_key_operators: () => "That key is one of the bot's own keys; paste your server's own key instead.",
  server_key_check_unavailable: () => 'Could not check the key with nanophoto right now; nothing was stored. Try again later.',
  server_key_none: () => 'This server has no key of its own to forget.',
  server_key_required: () => 'This server cannot make videos yet: it needs its own nanophoto key, which its admins can add.',
  server_key_locked: () => "Videos can't be made in this server right now; the bot's operator has been told. Nothing was charged.",
  server_key_paused: () => "Videos are paused in this server: nanophoto no longer accepts the account that pays for them. The server's admins have been told; nothing was charged.",
};

/** The `/veo-admin api-key` commands, its form, and what the settings and the operator see of servers' keys. */
export const serverKeyWords = {
  'serverKeys.apiKey.description': () => "Your server's own nanophoto API key",
  'serverKeys.set.description': () => "Add your server's own nanophoto key (in a private form); it then pays for every video here",
  'serverKeys.remove.description': () => "Forget your server's own key",
  'serverKeys.form.title': () => "Your server's nanophoto key",
  'serverKeys.form.label': () => 'API key',
  'serverKeys.form.description': () => 'Checked with nanophoto, then stored encrypted; never shown again',
  'serverKeys.set.done': (p: { fingerprint: string; replaced: boolean }) =>
    `${p.replaced ? 'Your server’s new key works and replaced the old one' : 'Your server’s key works'}; it is stored encrypted and shown from now on only as \`${p.fingerprint}\`. Every video in this server is now paid with it.`,
  'serverKeys.remove.done': (p: { required: boolean }) =>
    `Your server’s key is forgotten. Videos already being made finish with it; ${p.required ? 'new ones need a new key of your own.' : 'new ones are paid with the bot’s key.'}`,
  'serverKeys.settings.field': () => 'Own nanophoto key',
  'serverKeys.settings.none': (p: { required: boolean }) => (p.required ? 'None: this server needs one to make videos.' : 'None: the bot’s key pays.'),
  'serverKeys.settings.key': (p: { fingerprint: string; requestsLeft: number; accountEmpty: boolean; refused: boolean }) =>
    `Set (\`${p.fingerprint}\`): ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'request', other: 'requests' })} left this hour; ` +
    (p.refused ? 'nanophoto no longer accepts it.' : p.accountEmpty ? 'its account is empty.' : 'its account has credits.'),
  'serverKeys.operator.ownKey': () => 'pays with its own key',
  'serverKeys.alert.accountEmpty': (p: { name: string | null; guildId: string }) =>
    `The nanophoto account that pays for ${serverName(p.name, p.guildId)}’s videos has no credits left: its members’ videos wait until it is topped up.`,
  'serverKeys.alert.keyRefused': (p: { name: string | null; guildId: string }) =>
    `nanophoto no longer accepts the key that pays for ${serverName(p.name, p.guildId)}’s videos: its members’ videos are paused. An admin can add a working key with /veo-admin api-key set.`,
};
