import { ApplicationCommandOptionType, ApplicationCommandType, Locale, type APIApplicationCommand } from 'discord-api-types/v10';
import { invalidFormBody, missingAccess, notThisApplication, unknownCommand, type FieldError } from '../errors.js';
import { route, type Route, type RouteContext } from '../rest.js';
import type { Store } from '../store.js';

type Json = Record<string, unknown>;

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

function textErrors(path: (string | number)[], item: Json, chatInput: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const name = item['name'];
  if (typeof name !== 'string' || !NAME.test(name) || (chatInput && name !== name.toLowerCase())) {
    errors.push({ path: [...path, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  }
  const description = item['description'];
  if (chatInput && (typeof description !== 'string' || description.length < 1 || description.length > 100)) {
    errors.push({ path: [...path, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
  errors.push(...localizationErrors([...path, 'description_localizations'], item['description_localizations']));
  for (const [i, choice] of (Array.isArray(item['choices']) ? item['choices'] : []).entries()) {
    if (isRecord(choice)) errors.push(...localizationErrors([...path, 'choices', i, 'name_localizations'], choice['name_localizations']));
  }
  return errors;
}

const LOCALES = new Set<string>(Object.values(Locale));

/** Discord refuses a localization under a code it does not know, or longer than the text it stands for may be. */
function localizationErrors(path: (string | number)[], localizations: unknown): FieldError[] {
  if (localizations === undefined || localizations === null) return [];
  if (!isRecord(localizations)) return [{ path, code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  return Object.entries(localizations).flatMap(([code, text]): FieldError[] => {
    if (!LOCALES.has(code)) return [{ path: [...path, code], code: 'BASE_TYPE_CHOICES', message: `Value "${code}" is not a valid enum value.` }];
    if (typeof text !== 'string' || text.length < 1 || text.length > 100) {
      return [{ path: [...path, code], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }];
    }
    return [];
  });
}

/** Discord lists the localization maps only when asked `with_localizations`. */
function withoutLocalizations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocalizations);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'name_localizations' && key !== 'description_localizations')
      .map(([key, inner]) => [key, withoutLocalizations(inner)]),
  );
}

const isSub = (type: unknown) => type === ApplicationCommandOptionType.Subcommand || type === ApplicationCommandOptionType.SubcommandGroup;

function optionErrors(path: (string | number)[], options: unknown): FieldError[] {
  if (options === undefined) return [];
  if (!Array.isArray(options) || options.length > 25) {
    return [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }];
  }
  const errors: FieldError[] = [];
  let sawOptional = false;
  options.forEach((option: unknown, i) => {
    if (!isRecord(option)) return;
    errors.push(...textErrors([...path, i], option, true), ...optionErrors([...path, i, 'options'], option['options']));
    if (isSub(option['type'])) return;
    if (option['required'] === true && sawOptional) {
      errors.push({
        path: [...path, i, 'required'],
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (option['required'] !== true) sawOptional = true;
  });
  return errors;
}

/** What Discord stores and echoes: its defaults filled in, the id kept for a command of the same name and type. */
function normalize(store: Store, scope: string, raw: unknown, path: (string | number)[], existing: APIApplicationCommand[]): APIApplicationCommand {
  if (!isRecord(raw)) throw invalidFormBody([{ path, code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }]);
  const type = typeof raw['type'] === 'number' ? raw['type'] : ApplicationCommandType.ChatInput;
  const chatInput = type === ApplicationCommandType.ChatInput;
  const errors = [...textErrors(path, raw, chatInput), ...optionErrors([...path, 'options'], raw['options'])];
  if (errors.length > 0) throw invalidFormBody(errors);
  const previous = existing.find((command) => command.name === raw['name'] && command.type === type);
  const fields = {
    application_id: store.applicationId,
    type,
    name: raw['name'],
    description: chatInput ? raw['description'] : '',
    ...(raw['name_localizations'] ? { name_localizations: raw['name_localizations'] } : {}),
    ...(raw['description_localizations'] ? { description_localizations: raw['description_localizations'] } : {}),
    ...(Array.isArray(raw['options']) && raw['options'].length > 0 ? { options: raw['options'] } : {}),
    default_member_permissions: raw['default_member_permissions'] ?? null,
    ...(scope === 'global' ? { dm_permission: raw['dm_permission'] ?? true } : { guild_id: scope }),
    // Discord fills these in, so a local definition without them never `equals()` the stored one.
    integration_types: raw['integration_types'] ?? [0],
    contexts: raw['contexts'] ?? null,
    nsfw: raw['nsfw'] ?? false,
  };
  const unchanged = previous && JSON.stringify({ ...previous, id: '', version: '' }) === JSON.stringify({ id: '', version: '', ...fields });
  return { id: previous?.id ?? store.nextId(), version: unchanged ? previous.version : store.nextId(), ...fields } as APIApplicationCommand;
}

function scopeOf({ store, params }: RouteContext): string {
  if (params['appId'] !== store.applicationId) throw notThisApplication();
  const guildId = params['guildId'];
  if (guildId === undefined) return 'global';
  // Discord answers Missing Access when the bot is not in the guild (or lacks applications.commands).
  if (!store.guilds.has(guildId)) throw missingAccess();
  return guildId;
}

function findCommand(ctx: RouteContext): { scope: string; list: APIApplicationCommand[]; index: number } {
  const scope = scopeOf(ctx);
  const list = ctx.store.commands.get(scope) ?? [];
  const index = list.findIndex((command) => command.id === ctx.params['commandId']);
  if (index < 0) throw unknownCommand();
  return { scope, list, index };
}

function routesFor(base: string): Route[] {
  return [
    route('GET', base, 'bot', (ctx) => {
      const list = ctx.store.commands.get(scopeOf(ctx)) ?? [];
      return { status: 200, body: ctx.query.get('with_localizations') === 'true' ? list : withoutLocalizations(list) };
    }),
    route('PUT', base, 'bot', (ctx) => {
      const scope = scopeOf(ctx);
      if (!Array.isArray(ctx.body)) {
        throw invalidFormBody([{ path: [], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }]);
      }
      const existing = ctx.store.commands.get(scope) ?? [];
      const next = ctx.body.map((raw: unknown, i) => normalize(ctx.store, scope, raw, [i], existing));
      ctx.store.commands.set(scope, next);
      ctx.store.commandPuts.push(scope);
      return { status: 200, body: next };
    }),
    route('POST', base, 'bot', (ctx) => {
      const scope = scopeOf(ctx);
      const existing = ctx.store.commands.get(scope) ?? [];
      const command = normalize(ctx.store, scope, ctx.body, [], existing);
      const isNew = !existing.some((c) => c.id === command.id);
      ctx.store.commands.set(scope, isNew ? [...existing, command] : existing.map((c) => (c.id === command.id ? command : c)));
      return { status: isNew ? 201 : 200, body: command };
    }),
    route('GET', `${base}/:commandId`, 'bot', (ctx) => {
      const { list, index } = findCommand(ctx);
      return { status: 200, body: list[index] };
    }),
    route('PATCH', `${base}/:commandId`, 'bot', (ctx) => {
      const { scope, list, index } = findCommand(ctx);
      const merged = { ...list[index], ...(isRecord(ctx.body) ? ctx.body : {}) };
      const command = { ...normalize(ctx.store, scope, merged, [], list), id: ctx.params['commandId'] ?? '' };
      ctx.store.commands.set(scope, list.map((c, i) => (i === index ? command : c)));
      return { status: 200, body: command };
    }),
    route('DELETE', `${base}/:commandId`, 'bot', (ctx) => {
      const { scope, list, index } = findCommand(ctx);
      ctx.store.commands.set(scope, list.filter((_, i) => i !== index));
      return { status: 204 };
    }),
  ];
}

export const commandRoutes: Route[] = [
  ...routesFor('/applications/:appId/commands'),
  ...routesFor('/applications/:appId/guilds/:guildId/commands'),
];
