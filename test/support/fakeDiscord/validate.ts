import { allowedMentionsErrors } from './mentions.js';
import type { FieldError } from './errors.js';

type Json = Record<string, unknown>;

const IS_COMPONENTS_V2 = 1 << 15;

const maxLength = (path: (string | number)[], value: unknown, max: number): FieldError[] =>
  typeof value === 'string' && value.length > max
    ? [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }]
    : [];

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});

/** The message limits bots most often trip over: content, embed and component sizes, mentions. */
export function messageBodyErrors(body: Json): FieldError[] {
  const errors: FieldError[] = [
    ...maxLength(['content'], body['content'], 2000),
    ...maxLength(['nonce'], body['nonce'], 25),
    ...allowedMentionsErrors(body['allowed_mentions']),
  ];
  const embeds = list(body['embeds']);
  if (embeds.length > 10) errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = record(raw);
    const fields = list(embed['fields']).map(record);
    const footer = record(embed['footer']);
    const author = record(embed['author']);
    errors.push(
      ...maxLength(['embeds', i, 'title'], embed['title'], 256),
      ...maxLength(['embeds', i, 'description'], embed['description'], 4096),
      ...maxLength(['embeds', i, 'footer', 'text'], footer['text'], 2048),
      ...maxLength(['embeds', i, 'author', 'name'], author['name'], 256),
    );
    if (fields.length > 25) errors.push({ path: ['embeds', i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    fields.forEach((field, j) =>
      errors.push(
        ...maxLength(['embeds', i, 'fields', j, 'name'], field['name'], 256),
        ...maxLength(['embeds', i, 'fields', j, 'value'], field['value'], 1024),
      ),
    );
    const texts = [embed['title'], embed['description'], footer['text'], author['name'], ...fields.flatMap((f) => [f['name'], f['value']])];
    total += texts.reduce<number>((sum, text) => sum + (typeof text === 'string' ? text.length : 0), 0);
  });
  if (total > 6000) errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  if ((Number(body['flags'] ?? 0) & IS_COMPONENTS_V2) === 0) errors.push(...componentErrors(list(body['components'])));
  return errors;
}

function componentErrors(rows: unknown[]): FieldError[] {
  const errors: FieldError[] = [];
  if (rows.length > 5) errors.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  rows.forEach((row, i) =>
    list(record(row)['components']).forEach((raw, j) => {
      const component = record(raw);
      errors.push(
        ...maxLength(['components', i, 'components', j, 'custom_id'], component['custom_id'], 100),
        ...maxLength(['components', i, 'components', j, 'label'], component['label'], 80),
        ...maxLength(['components', i, 'components', j, 'url'], component['url'], 512),
      );
    }),
  );
  return errors;
}
