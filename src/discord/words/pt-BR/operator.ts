import type { Period } from '../../../domain/quota/periods.js';
import type { operatorWords as english } from '../en/operator.js';
import type { Words } from '../words.js';
import { credits, number, perPeriod, plural, relative, thisPeriod } from './format.js';
import { serverNames } from '../serverName.js';

/** O nome de um servidor é texto dos admins dele: mostrado como texto simples, nunca como formatação, e encurtado. */
const serverName = serverNames('servidor');
const limit = (amount: number | null, period: Period) => (amount === null ? 'ilimitado' : perPeriod(amount, period));

/** O que o /veo-operator mostra ao operador, e o que o bot diz a ele por DM. */
export const operatorWords = {
  'operator.description': () => 'Controle todos os servidores: tetos, orçamento global, acesso e pausas',
  'operator.servers.description': () => 'Todos os servidores do bot, com orçamento, teto e uso',
  'operator.servers.page': () => 'Número da página (10 servidores por página)',
  'operator.ceiling.description': () => 'O máximo que os admins de um servidor podem definir como orçamento',
  'operator.ceiling.amount': () => 'Créditos por período; 0 não deixa o servidor gastar nada',
  'operator.ceiling.unlimited': () => 'Sem teto: os admins definem qualquer orçamento',
  'operator.ceiling.period': () => 'O período do teto (padrão: o atual)',
  'operator.server': () => 'O servidor (digite para buscar pelo nome ou cole o ID dele)',
  'operator.global.description': () => 'O máximo que todos os servidores juntos podem gastar',
  'operator.global.amount': () => 'Créditos por período para todos os servidores juntos',
  'operator.global.unlimited': () => 'Sem orçamento global',
  'operator.global.period': () => 'O período do orçamento (padrão: o atual)',
  'operator.allow.description': () => 'Permita que um servidor use o bot',
  'operator.deny.description': () => 'Impeça um servidor de usar o bot',
  'operator.pause.description': () => 'Pare novos vídeos em todos os servidores (os em andamento terminam)',
  'operator.resume.description': () => 'Permita novos vídeos de novo e retome a fila depois que a conta ficou sem créditos',
  'operator.usage.description': () => 'O gasto deste período por servidor e no total',

  'operator.ceiling.set': (p) =>
    p.ceiling === null
      ? `${serverName(p.name, p.guildId)} agora não tem teto: os admins dele podem definir qualquer orçamento.`
      : `${serverName(p.name, p.guildId)} agora pode gastar no máximo ${perPeriod(p.ceiling, p.period)}, seja qual for o orçamento definido pelos admins dele.`,
  'operator.global.set': (p) =>
    p.budget === null
      ? 'Agora não há orçamento global: cada servidor é limitado só pelo próprio orçamento e pelo próprio teto.'
      : `Agora todos os servidores juntos podem gastar no máximo ${perPeriod(p.budget, p.period)}.`,
  'operator.access.set': (p) =>
    p.changed
      ? `${serverName(p.name, p.guildId)} ${p.allowed ? 'agora pode usar o bot' : 'não pode mais usar o bot'}.`
      : `${serverName(p.name, p.guildId)} ${p.allowed ? 'pode usar o bot' : 'não pode usar o bot'}, como antes; nada mudou.`,
  'operator.pause.done': () =>
    'Os novos vídeos estão pausados em todos os servidores. Os vídeos que já estão sendo criados serão concluídos; /veo-operator resume permite novos vídeos de novo.',
  'operator.pause.already': () => 'Os novos vídeos já estavam pausados em todos os lugares; nada mudou.',
  'operator.resume.done': (p) =>
    !p.wasPaused && !p.wasEmpty && !p.wasUnknownPaused
      ? 'Nada estava pausado por você nem por uma conta vazia; as pausas dos próprios servidores cabem aos admins deles.'
      : [
          p.wasPaused ? 'Novos vídeos estão permitidos de novo em todos os servidores.' : '',
          p.wasEmpty ? 'Os pedidos da fila são tentados de novo agora; se a conta ainda estiver vazia, eles voltam a esperar.' : '',
          p.wasUnknownPaused ? 'Os pedidos voltam a sair pela chave da API; a contagem de resultados incertos dela recomeça do zero.' : '',
          'Os servidores pausados pelos próprios admins continuam pausados.',
        ]
          .filter((line) => line !== '')
          .join(' '),

  'operator.servers.title': (p) => `Servidores: ${number(p.count)} (página ${number(p.page)} de ${number(p.pages)})`,
  'operator.servers.line': (p) =>
    `**${serverName(p.name, p.guildId)}** (${p.guildId})${p.allowed ? '' : ' · **não permitido**'}${p.paused ? ' · pausado' : ''}\n` +
    `orçamento ${limit(p.budget, p.period)} · teto ${limit(p.ceiling, p.ceilingPeriod)} · usado ${thisPeriod(p.period)}: ${credits(p.used)} · ` +
    (p.lastActivity === null ? 'nenhum vídeo ainda' : `último vídeo ${relative(p.lastActivity)}`),
  'operator.servers.none': () => 'O bot não está em nenhum servidor.',
  'operator.servers.state': (p) =>
    [
      p.paused ? 'Os novos vídeos estão **pausados** em todos os servidores.' : '',
      p.accountEmpty ? 'A conta de vídeo está **vazia**: a fila está esperando.' : '',
      p.unknownPaused ? 'Os pedidos pela chave da API estão **pausados** após resultados incertos: /veo-operator resume.' : '',
    ]
      .filter((line) => line !== '')
      .join(' '),

  'operator.usage.title': (p) => `Créditos de vídeo gastos por todos os servidores ${thisPeriod(p.period)}`,
  'operator.usage.total': (p) =>
    (p.budget === null
      ? `**${credits(p.total)}** ${plural(p.total, { one: 'cobrado', many: 'cobrados', other: 'cobrados' })}; não há orçamento global.`
      : `**${credits(p.total)}** ${plural(p.total, { one: 'cobrado', many: 'cobrados', other: 'cobrados' })} de um orçamento global de ${credits(p.budget)}.`) + ` O período é renovado ${relative(p.resetsAt)}.`,
  'operator.usage.field.refunded': () => 'Reembolsados',
  'operator.usage.field.generations': () => 'Gerações',
  'operator.usage.field.releases': () => 'Falhas (liberadas sem cobrança)',
  'operator.usage.field.unknowns': () => 'Resultados incertos (sem cobrança dos membros)',
  'operator.usage.unknowns': (p) => `${number(p.count)}, até ${credits(p.credits)}`,
  'operator.usage.field.servers': () => 'Por servidor',
  'operator.usage.server': (p) =>
    `${p.rank}. ${serverName(p.name, p.guildId)}: ${credits(p.charged)}${p.refunded > 0 ? ` (${number(p.refunded)} ${plural(p.refunded, { one: 'reembolsado', many: 'reembolsados', other: 'reembolsados' })})` : ''}`,
  'operator.usage.nobody': () => 'Nenhum servidor gastou créditos neste período.',
  'operator.usage.footer': (p) => `Conta o que o serviço de vídeo cobrou; ajustes dos admins não estão incluídos · ${p.periodKey}`,

  'operator.accountEmptyDm': (p) =>
    'A conta da nanophoto que paga os vídeos do bot ficou sem créditos' +
    (p.requiredCredits === null ? '.' : ` (o último pedido precisava de ${credits(p.requiredCredits)}).`) +
    ` Os pedidos em espera precisam de ${credits(p.waitingCredits)} no total.` +
    ' Nenhum vídeo é enviado para nenhum servidor até ela ter créditos de novo; os pedidos esperam na fila e os membros veem o motivo.' +
    ' Recarregue a conta e depois use /veo-operator resume; senão, o bot tenta um pedido de novo sozinho de tempos em tempos.',
  'operator.unknownOutcomesDm': (p) =>
    `Os pedidos pela chave da API da nanophoto estão pausados: ${number(p.count)} ${plural(p.count, { one: 'pedido', many: 'de pedidos', other: 'pedidos' })} de vídeo seguidos ${plural(p.count, { one: 'ficou', many: 'ficaram', other: 'ficaram' })} sem resposta clara` +
    ' (tempo esgotado, conexão cortada ou uma resposta que o bot não conseguiu ler). O serviço talvez os tenha cobrado: seus tetos e o orçamento global os contam; os membros não são cobrados.' +
    ' Os pedidos esperam na fila. Verifique o serviço de vídeo e depois use /veo-operator resume.',
} satisfies Words<typeof english>;
