import type { FieldError } from './errors.js';

export interface Mentions {
  userIds: string[];
  roleIds: string[];
  everyone: boolean;
}

interface Allowed {
  parse: string[];
  users: string[] | undefined;
  roles: string[] | undefined;
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;

/** Absent `allowed_mentions` means Discord parses everything; present, it allows only what it lists. */
function readAllowed(allowed: unknown): Allowed {
  if (allowed === undefined || allowed === null || typeof allowed !== 'object') {
    return { parse: ['users', 'roles', 'everyone'], users: undefined, roles: undefined };
  }
  const record = allowed as Record<string, unknown>;
  return { parse: strings(record['parse']) ?? [], users: strings(record['users']), roles: strings(record['roles']) };
}

const unique = (ids: Iterable<string>) => [...new Set(ids)];

/** Who a message pings, the way Discord fills `mentions`, `mention_roles` and `mention_everyone`. */
export function computeMentions(content: string, allowed: unknown): Mentions {
  const { parse, users, roles } = readAllowed(allowed);
  const inUsers = unique([...content.matchAll(/<@!?(\d{15,25})>/g)].map((m) => m[1] ?? ''));
  const inRoles = unique([...content.matchAll(/<@&(\d{15,25})>/g)].map((m) => m[1] ?? ''));
  const pick = (found: string[], kind: string, listed: string[] | undefined) =>
    parse.includes(kind) ? found : found.filter((id) => listed?.includes(id) ?? false);
  return {
    userIds: pick(inUsers, 'users', users),
    roleIds: pick(inRoles, 'roles', roles),
    everyone: parse.includes('everyone') && /@(everyone|here)/.test(content),
  };
}

/** Discord rejects a `parse` entry together with an explicit list of the same kind. */
export function allowedMentionsErrors(allowed: unknown): FieldError[] {
  if (allowed === undefined || allowed === null || typeof allowed !== 'object') return [];
  const { parse, users, roles } = readAllowed(allowed);
  const errors: FieldError[] = [];
  for (const [kind, list] of [['users', users], ['roles', roles]] as const) {
    if (parse.includes(kind) && list && list.length > 0) {
      errors.push({
        path: ['allowed_mentions'],
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }
  return errors;
}
