import { ComponentType, TextInputStyle, type APIModalSubmissionComponent, type ModalSubmitComponent } from 'discord-api-types/v10';
import { invalidFormBody, type FieldError } from './errors.js';
import type { FakeModal, FakeModalField, SubmitModalInput } from './types.js';

type Json = Record<string, unknown>;
type Path = (string | number)[];

const record = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const error = (path: Path, code: string, message: string): FieldError => ({ path, code, message });

function text(path: Path, value: unknown, { min, max, required }: { min: number; max: number; required: boolean }): FieldError[] {
  if (value === undefined) return required ? [error(path, 'BASE_TYPE_REQUIRED', 'This field is required')] : [];
  if (typeof value !== 'string') return [error(path, 'BASE_TYPE_STRING', 'Could not interpret value as string.')];
  if (value.length < min || value.length > max) return [error(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`)];
  return [];
}

function integer(path: Path, value: unknown, min: number, max: number): FieldError[] {
  if (value === undefined) return [];
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    return [error(path, 'NUMBER_TYPE_MAX', `Int value should be between ${min} and ${max}.`)];
  }
  return [];
}

function unknownFields(path: Path, component: Json, allowed: string[]): FieldError[] {
  return Object.keys(component)
    .filter((key) => !allowed.includes(key))
    .map((key) => error([...path, key], 'UNKNOWN_FIELD', `The field ${key} is not allowed on this component here.`));
}

const customId = (path: Path, component: Json) => text([...path, 'custom_id'], component['custom_id'], { min: 1, max: 100, required: true });

function textInputErrors(path: Path, c: Json): FieldError[] {
  // Inside a Label the label is the Label's; Discord refuses a text input carrying its own.
  return [
    ...unknownFields(path, c, ['type', 'id', 'custom_id', 'style', 'min_length', 'max_length', 'required', 'value', 'placeholder']),
    ...customId(path, c),
    ...([TextInputStyle.Short, TextInputStyle.Paragraph].includes(c['style'] as TextInputStyle) ? [] : [error([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2).')]),
    ...integer([...path, 'min_length'], c['min_length'], 0, 4000),
    ...integer([...path, 'max_length'], c['max_length'], 1, 4000),
    ...text([...path, 'value'], c['value'], { min: 0, max: 4000, required: false }),
    ...text([...path, 'placeholder'], c['placeholder'], { min: 0, max: 100, required: false }),
  ];
}

function stringSelectErrors(path: Path, c: Json): FieldError[] {
  const options = list(c['options']).map(record);
  const errors = [
    // `disabled` is refused in modals.
    ...unknownFields(path, c, ['type', 'id', 'custom_id', 'options', 'placeholder', 'min_values', 'max_values', 'required']),
    ...customId(path, c),
    ...text([...path, 'placeholder'], c['placeholder'], { min: 0, max: 150, required: false }),
    ...integer([...path, 'min_values'], c['min_values'], 0, 25),
    ...integer([...path, 'max_values'], c['max_values'], 1, 25),
  ];
  if (options.length < 1 || options.length > 25) errors.push(error([...path, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.'));
  options.forEach((option, i) =>
    errors.push(
      ...text([...path, 'options', i, 'label'], option['label'], { min: 1, max: 100, required: true }),
      ...text([...path, 'options', i, 'value'], option['value'], { min: 1, max: 100, required: true }),
      ...text([...path, 'options', i, 'description'], option['description'], { min: 0, max: 100, required: false }),
    ),
  );
  return errors;
}

function fileUploadErrors(path: Path, c: Json): FieldError[] {
  return [
    ...unknownFields(path, c, ['type', 'id', 'custom_id', 'min_values', 'max_values', 'required']),
    ...customId(path, c),
    ...integer([...path, 'min_values'], c['min_values'], 0, 10),
    ...integer([...path, 'max_values'], c['max_values'], 1, 10),
  ];
}

function labelledErrors(path: Path, c: Json): FieldError[] {
  switch (c['type']) {
    case ComponentType.TextInput:
      return textInputErrors(path, c);
    case ComponentType.StringSelect:
      return stringSelectErrors(path, c);
    case ComponentType.FileUpload:
      return fileUploadErrors(path, c);
    default:
      return [error([...path, 'type'], 'UNION_TYPE_CHOICES', `The fake Discord does not support component type ${String(c['type'])} in a Label.`)];
  }
}

function topLevelErrors(path: Path, c: Json): FieldError[] {
  switch (c['type']) {
    case ComponentType.Label:
      return [
        ...unknownFields(path, c, ['type', 'id', 'label', 'description', 'component']),
        ...text([...path, 'label'], c['label'], { min: 1, max: 45, required: true }),
        ...text([...path, 'description'], c['description'], { min: 0, max: 100, required: false }),
        ...labelledErrors([...path, 'component'], record(c['component'])),
      ];
    case ComponentType.TextDisplay:
      return [...unknownFields(path, c, ['type', 'id', 'content']), ...text([...path, 'content'], c['content'], { min: 1, max: 4000, required: true })];
    default:
      // Action rows in modals are deprecated; a bot built on Labels must not send them.
      return [error([...path, 'type'], 'UNION_TYPE_CHOICES', `Component type ${String(c['type'])} is not allowed at the top of a modal here.`)];
  }
}

/** Checks a modal the way Discord does, then gives every component its id (Discord numbers them in order). */
export function acceptModal(data: Json): FakeModal {
  const components = list(data['components']).map(record);
  const errors = [
    ...unknownFields([], data, ['custom_id', 'title', 'components']),
    ...text(['custom_id'], data['custom_id'], { min: 1, max: 100, required: true }),
    ...text(['title'], data['title'], { min: 1, max: 45, required: true }),
    ...components.flatMap((component, i) => topLevelErrors(['components', i], component)),
  ];
  if (components.length < 1 || components.length > 5) errors.push(error(['components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.'));
  const ids = components.flatMap((c) => [record(c['component'])['custom_id']]).filter((id) => id !== undefined);
  if (new Set(ids).size !== ids.length) errors.push(error(['components'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'));
  if (errors.length > 0) throw invalidFormBody(errors);

  let next = 1;
  const numbered = structuredClone(components).map((top) => {
    top['id'] ??= next;
    next = Math.max(next, Number(top['id'])) + 1;
    const inner = top['component'] as Json | undefined;
    if (inner) {
      inner['id'] ??= next;
      next = Math.max(next, Number(inner['id'])) + 1;
    }
    return top;
  });
  return { customId: String(data['custom_id']), title: String(data['title']), components: numbered };
}

/** The labelled fields of a modal, as a test fills them in. */
export function modalFields(modal: FakeModal): FakeModalField[] {
  return modal.components.flatMap((top) => {
    const inner = record(top['component']);
    if (top['type'] !== ComponentType.Label) return [];
    return [{ label: String(top['label']), type: Number(inner['type']), customId: String(inner['custom_id']), component: inner }];
  });
}

const fail = (message: string): never => {
  throw new Error(`fake Discord: ${message}`);
};

function submittedValue(field: FakeModalField, input: SubmitModalInput): Json {
  const c = field.component;
  const required = c['required'] !== false;
  const given = input.values?.[field.customId];
  const label = `"${field.label}" (${field.customId})`;
  switch (field.type) {
    case ComponentType.TextInput: {
      if (Array.isArray(given)) fail(`${label} is a text input; give it a string`);
      const value = (given as string | undefined) ?? '';
      const min = Number(c['min_length'] ?? (required ? 1 : 0));
      const max = Number(c['max_length'] ?? 4000);
      if ((required || value !== '') && (value.length < Math.max(min, required ? 1 : 0) || value.length > max)) {
        fail(`the member cannot submit ${label} with ${value.length} characters (${min}-${max}, required ${required})`);
      }
      return { value };
    }
    case ComponentType.StringSelect: {
      const options = list(c['options']).map(record);
      const values = given === undefined ? options.filter((o) => o['default'] === true).map((o) => String(o['value'])) : typeof given === 'string' ? [given] : given;
      const min = Number(c['min_values'] ?? 1);
      const max = Number(c['max_values'] ?? 1);
      if ((required || values.length > 0) && (values.length < min || values.length > max)) fail(`${label} takes ${min}-${max} values, not ${values.length}`);
      for (const value of values) if (!options.some((o) => o['value'] === value)) fail(`${label} has no option ${value}`);
      return { values };
    }
    case ComponentType.FileUpload: {
      if (given !== undefined) fail(`${label} is a file upload; give its files in \`files\``);
      const count = input.files?.[field.customId]?.length ?? 0;
      const min = Number(c['min_values'] ?? 1);
      const max = Number(c['max_values'] ?? 1);
      if ((required || count > 0) && (count < min || count > max)) fail(`${label} takes ${min}-${max} files, not ${count}`);
      return { values: [] };
    }
    default:
      return fail(`${label} has a component type the fake cannot submit`);
  }
}

/**
 * What Discord sends back when the member submits: the modal's own layout, each Label holding its
 * component's id, custom id and value(s); file ids are filled in once the files are resolved.
 * Throws when the member could not have submitted these values (the client would not let them).
 */
export function modalSubmission(modal: FakeModal, input: SubmitModalInput, fileIds: (customId: string) => string[]): APIModalSubmissionComponent[] {
  const fields = modalFields(modal);
  for (const key of [...Object.keys(input.values ?? {}), ...Object.keys(input.files ?? {})]) {
    if (!fields.some((f) => f.customId === key)) fail(`the modal has no field ${key}`);
  }
  return modal.components.map((top) => {
    const field = fields.find((f) => f.component === top['component']);
    if (!field) return { type: ComponentType.TextDisplay, id: Number(top['id']) };
    const value = submittedValue(field, input);
    if (field.type === ComponentType.FileUpload) value['values'] = fileIds(field.customId);
    const component = { type: field.type, id: field.component['id'], custom_id: field.customId, ...value } as ModalSubmitComponent;
    return { type: ComponentType.Label, id: Number(top['id']), component };
  });
}
