import type { keyPoolWords as english } from '../en/keypool.js';
import type { Words } from '../words.js';
import { credits, number, plural, relative } from './format.js';

/** O grupo de chaves do operador (NANOPHOTO_API_KEYS): /veo-operator keys e as DMs sobre uma chave. */
export const keyPoolWords = {
  'operator.keys.description': () => 'Cada chave de API do bot: solicitações restantes nesta hora, vazia ou pausada',
  'operator.keys.title': (p) => `${number(p.count)} ${plural(p.count, { one: 'chave de API', many: 'de chaves de API', other: 'chaves de API' })}`,
  'operator.keys.line': (p) =>
    [
      `\`${p.fingerprint}\`: ${number(p.requestsLeft)} ${plural(p.requestsLeft, { one: 'solicitação restante', many: 'de solicitações restantes', other: 'solicitações restantes' })} nesta hora, ` +
        `${number(p.running)} ${plural(p.running, { one: 'vídeo', many: 'de vídeos', other: 'vídeos' })} em andamento`,
      p.accountEmpty ? 'a conta dela está **vazia**' : 'a conta dela tem créditos',
      p.unknownPaused ? '**pausada** após resultados desconhecidos' : '',
      p.rateLimitedUntil ? `o serviço pediu que ela espere até ${relative(p.rateLimitedUntil)}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') + '.',
  'operator.keys.footer': () => 'As chaves aparecem só pela impressão digital. /veo-operator resume libera toda chave retida por conta vazia ou por resultados desconhecidos.',
  'operator.keys.accountEmptyDm': (p) =>
    `A conta da nanophoto por trás da chave de API \`${p.keyFingerprint}\` ficou sem créditos` +
    (p.requiredCredits === null ? '.' : ` (a última solicitação precisava de ${credits(p.requiredCredits)}).`) +
    ` Nada é enviado com essa chave até ela ter créditos de novo; ${plural(p.otherKeys, { one: 'a outra chave continua', many: `as outras ${number(p.otherKeys)} chaves continuam`, other: `as outras ${number(p.otherKeys)} chaves continuam` })}, e os membros só esperam se todas as chaves estiverem retidas.` +
    ` As solicitações em espera precisam de ${credits(p.waitingCredits)} no total.` +
    ' Recarregue a conta e depois execute /veo-operator resume, ou o bot tenta essa chave de novo sozinho de tempos em tempos.',
  'operator.keys.unknownOutcomesDm': (p) =>
    `Os envios com a chave de API \`${p.keyFingerprint}\` estão pausados: as últimas ${number(p.count)} ${plural(p.count, { one: 'solicitação de vídeo', many: 'de solicitações de vídeo', other: 'solicitações de vídeo' })} com ela não tiveram resposta clara` +
    ' (tempo esgotado, conexão cortada ou uma resposta que o bot não conseguiu ler). O serviço pode tê-las cobrado: seus tetos e o orçamento global as contam; os membros não são cobrados.' +
    ` ${plural(p.otherKeys, { one: 'A outra chave continua', many: `As outras ${number(p.otherKeys)} chaves continuam`, other: `As outras ${number(p.otherKeys)} chaves continuam` })}. Verifique o serviço de vídeo e depois execute /veo-operator resume.`,
} satisfies Words<typeof english>;
