import {
  ApplicationFlags,
  ApplicationIntegrationType,
  RESTJSONErrorCodes,
  TeamMemberMembershipState,
  TeamMemberRole,
  type APIApplication,
  type APITeam,
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
    ...ownerFields(store),
    verify_key: '0'.repeat(64),
    flags: ApplicationFlags.GatewayMessageContentLimited,
    flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
    integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
  };
}

const roles = { admin: TeamMemberRole.Admin, developer: TeamMemberRole.Developer, read_only: TeamMemberRole.ReadOnly } as const;

/**
 * Discord's shape: a user-owned app has `owner` and `team: null`; a team-owned app has `team`, and
 * `owner` is the team's synthetic bot user (username `team<id>`), not a person.
 */
function ownerFields(store: Store): Pick<APIApplication, 'owner' | 'team'> {
  const { owner } = store;
  if ('user' in owner) return { owner: userPayload(owner.user), team: null };
  const { team } = owner;
  const payload: APITeam = {
    id: team.id,
    name: team.name ?? 'Fake Team',
    icon: null,
    owner_user_id: team.ownerId,
    members: team.members.map((member) => ({
      membership_state: member.accepted === false ? TeamMemberMembershipState.Invited : TeamMemberMembershipState.Accepted,
      permissions: ['*'],
      team_id: team.id,
      user: userPayload(member.user),
      role: roles[member.role],
    })),
  };
  return { owner: { ...userPayload({ id: team.id, username: `team${team.id}` }), flags: 1024 }, team: payload };
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
  route('GET', '/oauth2/applications/@me', 'bot', ({ store }) => ({ status: 200, body: applicationPayload(store) })),
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
