import type { RefusalWords } from '../refusalMessages.js';
import { serverNames } from '../serverName.js';
import { number, plural } from './format.js';

const serverName = serverNames('servidor');
type ServerKeyRefusal = Pick<RefusalWords, Extract<keyof RefusalWords, `server_key${string}`>>;

/** Por que a chave própria de um servidor não foi aceita, ou por que seus membros não podem iniciar um vídeo por causa dela. */
export const serverKeyRefusals: ServerKeyRefusal = {
  server_keys_off: () => 'O operador deste bot não permite que servidores usem a própria chave da nanophoto; aqui quem paga é a chave do bot.',
  server_keys_no_secret: () => 'As chaves próprias dos servidores estão desativadas: o operador do bot não configurou onde guardá-las com segurança.',
  server_keys_unusable: () => 'No momento, as chaves próprias dos servidores não podem ser lidas nem salvas; o operador do bot já foi avisado. Tente novamente mais tarde.',
  server_key_malformed: () => 'Isso não parece uma chave da API da nanophoto: cole a chave inteira, sem espaços.',
  server_key_invalid: () => 'A nanophoto não aceita essa chave. Confira se você copiou a chave inteira da sua conta da nanophoto.',
  server_key_operators: () => 'Essa chave é uma das chaves do próprio bot; cole a chave própria do seu servidor.',
  server_key_check_unavailable: () => 'Não foi possível verificar a chave com a nanophoto agora; nada foi salvo. Tente novamente mais tarde.',
  server_key_none: () => 'Este servidor não tem uma chave própria para esquecer.',
  server_key_required: () => 'Este servidor ainda não pode criar vídeos: ele precisa da própria chave da nanophoto, que os admins podem adicionar.',
  server_key_locked: () => 'No momento não é possível criar vídeos neste servidor; o operador do bot já foi avisado. Nada foi cobrado.',
  server_key_paused: () => 'Os vídeos estão pausados neste servidor: a nanophoto não aceita mais a conta que os paga. Os admins do servidor já foram avisados; nada foi cobrado.',
};

/** Os comandos `/veo-admin api-key`, o formulário e o que as configurações e o operador veem das chaves dos servidores. */
export const serverKeyWords = {
  'serverKeys.apiKey.description': () => 'A chave própria da API da nanophoto do seu servidor',
  'serverKeys.set.description': () => 'Adicione a chave da nanophoto do seu servidor (formulário privado); ela pagará cada vídeo daqui',
  'serverKeys.remove.description': () => 'Esquecer a chave própria do seu servidor',
  'serverKeys.form.title': () => 'A chave da nanophoto do seu servidor',
  'serverKeys.form.label': () => 'Chave de API',
  'serverKeys.form.description': () => 'Verificada com a nanophoto e salva criptografada; nunca mais exibida',
  'serverKeys.set.done': (p: { fingerprint: string; replaced: boolean }) =>
    `${p.replaced ? 'A nova chave do seu servidor funciona e substituiu a antiga' : 'A chave do seu servidor funciona'}; ela foi salva criptografada e de agora em diante aparece só como \`${p.fingerprint}\`. Todo vídeo deste servidor agora é pago com ela.`,
  'serverKeys.remove.done': (p: { required: boolean }) =>
    `A chave do seu servidor foi esquecida. Os vídeos em andamento terminam com ela; ${p.required ? 'os novos precisam de uma nova chave própria.' : 'os novos são pagos com a chave do bot.'}`,
  'serverKeys.settings.field': () => 'Chave própria da nanophoto',
  'serverKeys.settings.none': (p: { required: boolean }) => (p.required ? 'Nenhuma: este servidor precisa de uma para criar vídeos.' : 'Nenhuma: a chave do bot paga.'),
  'serverKeys.settings.key': (p: { fingerprint: string; requestsLeft: number; accountEmpty: boolean; refused: boolean }) =>
    `Definida (\`${p.fingerprint}\`): ${plural(p.requestsLeft, { one: 'resta', many: 'restam', other: 'restam' })} ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'requisição', many: 'de requisições', other: 'requisições' })} nesta hora; ` +
    (p.refused ? 'a nanophoto não a aceita mais.' : p.accountEmpty ? 'a conta dela está vazia.' : 'a conta dela tem créditos.'),
  'serverKeys.operator.ownKey': () => 'paga com a própria chave',
  'serverKeys.alert.accountEmpty': (p: { name: string | null; guildId: string }) =>
    `A conta da nanophoto que paga os vídeos de ${serverName(p.name, p.guildId)} ficou sem créditos: os vídeos dos membros esperam até ela ser recarregada.`,
  'serverKeys.alert.keyRefused': (p: { name: string | null; guildId: string }) =>
    `A nanophoto não aceita mais a chave que paga os vídeos de ${serverName(p.name, p.guildId)}: os vídeos dos membros estão pausados. Um admin pode adicionar uma chave válida com /veo-admin api-key set.`,
};
