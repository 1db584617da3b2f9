import type { PrivacyRefusalWords } from '../refusalMessages.js';
import { blockedEntry } from '../blockedEntry.js';
import { number, plural } from './format.js';

const entries = (n: number) => `${number(n)} ${plural(n, { one: 'entrada', many: 'de entradas', other: 'entradas' })}`;

/** Palabras bloqueadas, imágenes de los miembros, resultados borrados: los rechazos. */
export const privacyRefusals: PrivacyRefusalWords = {
  prompt_blocked: ({ entry }) => `Este prompt contiene ${blockedEntry(entry)}, que este servidor no permite. No se reservó nada.`,
  blocklist_no_entries: () => 'Escribe una o más palabras o frases, separadas por comas.',
  blocklist_entry_too_long: ({ max }) => `Cada palabra o frase bloqueada puede tener como máximo ${number(max)} caracteres; no se cambió nada.`,
  blocklist_entry_no_letters: ({ entry }) => `${blockedEntry(entry)} no tiene letras ni dígitos, así que nunca coincidiría; no se añadió nada.`,
  blocklist_full: ({ max, count, adding }) =>
    `La lista de bloqueo tiene ${entries(count)} de ${number(max)}; añadir ${number(adding)} más la superaría. Quita algunas primero.`,
  again_images_not_yours: ({ id }) =>
    `El video n.º ${id} se hizo con imágenes de otro miembro, que no se reutilizan: usa Remix con tus propias imágenes.`,
  result_too_old: ({ id }) => `El video n.º ${id} es demasiado antiguo: su prompt y sus enlaces ya no se conservan.`,
};

/** `/veo-admin blocklist …`, su línea en la configuración y los resultados borrados en `/veo status`. */
export const privacyWords = {
  'admin.blocklist.description': () => 'Palabras y frases no permitidas en los prompts de este servidor',
  'admin.blocklist.add.description': () => 'Bloquear palabras o frases en los prompts',
  'admin.blocklist.remove.description': () => 'Volver a permitir palabras o frases bloqueadas',
  'admin.blocklist.list.description': () => 'Mostrar las palabras y frases bloqueadas',
  'admin.blocklist.builtin.description': () => 'Bloquear también la lista integrada de groserías en inglés',
  'admin.blocklist.words': () => 'Palabras o frases, separadas por comas',
  'admin.blocklist.enabled': () => 'True para usar la lista integrada en inglés, False para dejar de usarla',
  'blocklist.added': (p: { added: number; skipped: number; count: number; max: number }) =>
    `${entries(p.added)} ${plural(p.added, { one: 'bloqueada', many: 'bloqueadas', other: 'bloqueadas' })}${p.skipped > 0 ? ` (${number(p.skipped)} ya estaban en la lista)` : ''}. La lista tiene ahora ${number(p.count)} de ${number(p.max)}; las solicitudes que ya esperan no se vuelven a revisar.`,
  'blocklist.removed': (p: { removed: number; missing: number; count: number }) =>
    `${entries(p.removed)} ${plural(p.removed, { one: 'permitida', many: 'permitidas', other: 'permitidas' })} de nuevo${p.missing > 0 ? ` (${number(p.missing)} no estaban en la lista)` : ''}. La lista tiene ahora ${entries(p.count)}.`,
  'blocklist.title': (p: { count: number; max: number; page: number; pages: number }) =>
    `Palabras bloqueadas: ${number(p.count)} de ${number(p.max)}${p.pages > 1 ? ` (${p.page}/${p.pages})` : ''}`,
  'blocklist.empty': () => 'No hay palabras ni frases bloqueadas en este servidor.',
  'blocklist.builtinState': (p: { builtin: boolean }) => (p.builtin ? 'También se usa la lista integrada en inglés.' : 'La lista integrada en inglés está desactivada.'),
  'blocklist.builtinSet': (p: { enabled: boolean }) =>
    p.enabled
      ? 'Ahora también se usa la lista integrada en inglés, además de las entradas propias de este servidor.'
      : 'La lista integrada en inglés ya no se usa; las entradas propias de este servidor siguen vigentes.',
  'settings.field.blocklist': () => 'Palabras bloqueadas',
  'settings.blocklist': (p: { count: number; max: number; builtin: boolean }) =>
    `${number(p.count)} de ${number(p.max)} · lista integrada en inglés ${p.builtin ? 'activada' : 'desactivada'}`,
  'status.erased': (p: { because: 'removed' | 'expired' }) =>
    p.because === 'removed' ? '*prompt y enlaces borrados*' : '*prompt y enlaces ya no conservados (demasiado antiguo)*',
};
