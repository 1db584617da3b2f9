import type { PrivacyRefusalWords } from '../refusalMessages.js';
import { blockedEntry } from '../blockedEntry.js';
import { number, plural } from './format.js';

const entries = (n: number) => `${number(n)} ${plural(n, { one: 'entrada', many: 'de entradas', other: 'entradas' })}`;

/** Palavras bloqueadas, imagens dos membros, resultados apagados: as recusas. */
export const privacyRefusals: PrivacyRefusalWords = {
  prompt_blocked: ({ entry }) => `Este prompt contém ${blockedEntry(entry)}, que este servidor não permite. Nada foi reservado.`,
  blocklist_no_entries: () => 'Digite uma ou mais palavras ou frases, separadas por vírgulas.',
  blocklist_entry_too_long: ({ max }) => `Cada palavra ou frase bloqueada pode ter no máximo ${number(max)} caracteres; nada foi alterado.`,
  blocklist_entry_no_letters: ({ entry }) => `${blockedEntry(entry)} não tem letras nem dígitos, então nunca corresponderia; nada foi adicionado.`,
  blocklist_full: ({ max, count, adding }) =>
    `A lista de bloqueio tem ${entries(count)} de ${number(max)}; adicionar mais ${number(adding)} passaria do limite. Remova algumas antes.`,
  again_images_not_yours: ({ id }) =>
    `O vídeo nº ${id} foi feito com imagens de outro membro, que não são reutilizadas: use Remix com as suas próprias imagens.`,
  result_too_old: ({ id }) => `O vídeo nº ${id} é antigo demais: o prompt e os links dele não são mais guardados.`,
};

/** `/veo-admin blocklist …`, a linha nas configurações e os resultados apagados em `/veo status`. */
export const privacyWords = {
  'admin.blocklist.description': () => 'Palavras e frases não permitidas nos prompts deste servidor',
  'admin.blocklist.add.description': () => 'Bloquear palavras ou frases nos prompts',
  'admin.blocklist.remove.description': () => 'Permitir de novo palavras ou frases bloqueadas',
  'admin.blocklist.list.description': () => 'Mostrar as palavras e frases bloqueadas',
  'admin.blocklist.builtin.description': () => 'Bloquear também a lista embutida de palavrões em inglês',
  'admin.blocklist.words': () => 'Palavras ou frases, separadas por vírgulas',
  'admin.blocklist.enabled': () => 'True para usar a lista embutida em inglês, False para parar de usar',
  'blocklist.added': (p: { added: number; skipped: number; count: number; max: number }) =>
    `${entries(p.added)} ${plural(p.added, { one: 'bloqueada', many: 'bloqueadas', other: 'bloqueadas' })}${p.skipped > 0 ? ` (${number(p.skipped)} já estavam na lista)` : ''}. A lista tem agora ${number(p.count)} de ${number(p.max)}; pedidos que já aguardam não são verificados de novo.`,
  'blocklist.removed': (p: { removed: number; missing: number; count: number }) =>
    `${entries(p.removed)} ${plural(p.removed, { one: 'permitida', many: 'permitidas', other: 'permitidas' })} de novo${p.missing > 0 ? ` (${number(p.missing)} não estavam na lista)` : ''}. A lista tem agora ${entries(p.count)}.`,
  'blocklist.title': (p: { count: number; max: number; page: number; pages: number }) =>
    `Palavras bloqueadas: ${number(p.count)} de ${number(p.max)}${p.pages > 1 ? ` (${p.page}/${p.pages})` : ''}`,
  'blocklist.empty': () => 'Nenhuma palavra ou frase está bloqueada neste servidor.',
  'blocklist.builtinState': (p: { builtin: boolean }) => (p.builtin ? 'A lista embutida em inglês também é usada.' : 'A lista embutida em inglês está desligada.'),
  'blocklist.builtinSet': (p: { enabled: boolean }) =>
    p.enabled
      ? 'A lista embutida em inglês agora também é usada, além das entradas deste servidor.'
      : 'A lista embutida em inglês não é mais usada; as entradas deste servidor continuam valendo.',
  'settings.field.blocklist': () => 'Palavras bloqueadas',
  'settings.blocklist': (p: { count: number; max: number; builtin: boolean }) =>
    `${number(p.count)} de ${number(p.max)} · lista embutida em inglês ${p.builtin ? 'ligada' : 'desligada'}`,
  'status.erased': (p: { because: 'removed' | 'expired' }) =>
    p.because === 'removed' ? '*prompt e links apagados*' : '*prompt e links não são mais guardados (antigo demais)*',
};
