import {
  ApplicationFlags,
  ApplicationIntegrationType,
  RESTJSONErrorCodes,
  type APIApplication,
  type RESTGetAPIGatewayBotResult,
} from 'discord-api-types/v10';
import { ApiError, invalidFormBody } from '../errors.js';
import { botUserPayload, dmChannelPayload, userPayload } from '../payloads.js';
import { route, type Route } from '../rest.js';
import { openDmChannel, type Store } from '../store.js';

export function applicationPayload(store: Store): APIApplication {
  return {
    id: store.applicationId,
    name: 'Fake Bot',
    icon: null,
    description: '',
    summary: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: botUserPayload(store),
    owner: userPayload({ id: '100000000000000000', username: 'owner' }),
    verify_key: '0'.repeat(64),
    team: null,
    flags: ApplicationFlags.GatewayMessageContentLimited,
    flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
    integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
  };
}

const snowflakeLike = (value: unknown): value is string => typeof value === 'string' && /^\d{15,25}$/.test(value);

export const metaRoutes: Route[] = [
  route('GET', '/gateway/bot', 'bot', ({ store }) => {
    const body: RESTGetAPIGatewayBotResult = {
      url: store.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    };
    return { status: 200, body };
  }),
  route('GET', '/gateway', 'none', ({ store }) => ({ status: 200, body: { url: store.gatewayUrl } })),
  route('GET', '/users/@me', 'bot', ({ store }) => ({ status: 200, body: botUserPayload(store) })),
  route('GET', '/applications/@me', 'bot', ({ store }) => ({ status: 200, body: applicationPayload(store) })),
  route('POST', '/users/@me/channels', 'bot', ({ store, body }) => {
    const recipient = (body as { recipient_id?: unknown } | undefined)?.recipient_id;
    if (!snowflakeLike(recipient)) {
      throw invalidFormBody([{ path: ['recipient_id'], code: 'NUMBER_TYPE_COERCE', message: `Value "${String(recipient)}" is not snowflake.` }]);
    }
    return { status: 200, body: dmChannelPayload(store, openDmChannel(store, recipient)) };
  }),
  route('GET', '/users/:userId', 'bot', ({ store, params }) => {
    const user = store.users.get(params['userId'] ?? '');
    if (params['userId'] === store.botUserId) return { status: 200, body: botUserPayload(store) };
    if (!user) throw new ApiError(404, RESTJSONErrorCodes.UnknownUser, 'Unknown User');
    return { status: 200, body: userPayload(user) };
  }),
];
