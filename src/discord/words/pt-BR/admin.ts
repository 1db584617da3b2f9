import { roleMention, userMention } from 'discord.js';
import type { adminWords as english } from '../en/admin.js';
import type { Words } from '../words.js';
import { credits, dateTime, number, periodNoun, perPeriod, plural, relative, thisPeriod } from './format.js';

/** "N credits left", the verb agreeing with the count. */
const left = (n: number) => `${plural(n, { one: 'resta', many: 'restam', other: 'restam' })} ${credits(n)}`;
/** The participle that agrees with a count of credits used. */
const used = (n: number) => plural(n, { one: 'usado', many: 'usados', other: 'usados' });

export const adminWords = {
  'usage.title': (p) => `Créditos de vídeo usados ${thisPeriod(p.period)}`,
  'usage.total': (p) =>
    p.budget === null
      ? `**${credits(p.used)}** ${used(p.used)}; não há orçamento do servidor.`
      : `**${credits(p.used)}** ${used(p.used)} de um orçamento de ${credits(p.budget)}; ${left(Math.max(0, p.budget - p.used))}.`,
  'usage.resets': (p) => `Renova ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'usage.field.settled': () => 'Cobrados',
  'usage.field.refunded': () => 'Reembolsados',
  'usage.field.open': () => 'Reservas em aberto',
  'usage.field.adjusted': () => 'Ajustados pelos admins',
  'usage.field.generations': () => 'Gerações',
  'usage.field.refunds': () => 'Reembolsos',
  'usage.field.releases': () => 'Falhas (liberadas sem cobrança)',
  'usage.field.top': () => 'Membros que mais usaram',
  'usage.topMember': (p) => `${p.rank}. ${userMention(p.userId)}: ${credits(p.used)}`,
  'usage.nobody': () => 'Ninguém usou créditos ainda.',
  'usage.footer': (p) => `Usados = cobrados − reembolsados + em aberto + ajustados · ${p.periodKey}`,

  'settings.title': () => 'Configurações de créditos de vídeo',
  'settings.state': (p) =>
    p.operatorPaused
      ? 'A geração de vídeos foi **pausada** em todos os servidores pelo operador do bot.'
      : p.budget === 0
      ? 'A geração de vídeos está **desativada**: o orçamento é de 0 créditos.'
      : p.paused
        ? 'A geração de vídeos foi **pausada** pelos administradores.'
        : 'A geração de vídeos está **ativada**.',
  'settings.defaults': () => 'O servidor usa as configurações padrão do bot.',
  'settings.changed': (p) => `Última alteração por ${userMention(p.adminId)} ${relative(p.at)}.`,
  'settings.field.budget': () => 'Orçamento do servidor',
  'settings.field.defaultCap': () => 'Limite padrão por membro',
  'settings.field.ceiling': () => 'Teto do operador',
  'settings.field.global': () => 'Todos os servidores (operador)',
  'settings.ceiling': (p) => (p.ceiling === null ? 'nenhum: qualquer orçamento' : `no máximo ${perPeriod(p.ceiling, p.period)}`),
  'settings.global': (p) =>
    `${plural(p.remaining, { one: 'Resta', many: 'Restam', other: 'Restam' })} ${number(p.remaining)} de ${perPeriod(p.budget, p.period)} para todos os servidores do bot; renova ${relative(p.resetsAt)}`,
  'settings.field.confirmFrom': () => 'Confirmar a partir de',
  'settings.field.roles': () => 'Cotas por cargo',
  'settings.field.members': () => 'Limites por membro',
  'settings.budget': (p) => (p.budget === null ? `ilimitado (período: ${periodNoun[p.period]})` : perPeriod(p.budget, p.period)),
  'settings.cap': (p) => (p.cap === null ? 'sem limite' : perPeriod(p.cap, p.period)),
  'settings.roleAllowance': (p) => `${roleMention(p.roleId)}: ${perPeriod(p.allowance, p.period)}`,
  'settings.memberCap': (p) => `${userMention(p.userId)}: ${perPeriod(p.cap, p.period)}`,
  'settings.none': () => 'Nenhum',
  'settings.footer': () => 'Vale o limite próprio do membro; se não houver, a maior cota dos cargos dele; se não, o limite padrão.',

  'budget.unlimited': (p) =>
    `Orçamento ilimitado: sem limite para o servidor. Os limites por membro continuam contando por ${periodNoun[p.period]}; ${number(p.used)} ${used(p.used)} até agora; renova ${relative(p.resetsAt)}.`,
  'budget.unlimitedCapped': (p) =>
    `Orçamento definido no máximo que o operador do bot permite a este servidor: ${perPeriod(p.ceiling, p.ceilingPeriod)}. ${number(p.used)} ${used(p.used)} até agora; renova ${relative(p.resetsAt)}.`,
  'budget.ceilingBinds': (p) =>
    `O operador do bot continua permitindo a este servidor no máximo ${perPeriod(p.ceiling, p.period)}; vale o limite que for atingido primeiro.`,
  'budget.off': () =>
    'Orçamento definido em 0 créditos: a geração de vídeos agora está desativada neste servidor. Defina um orçamento acima de 0 para reativá-la.',
  'budget.set': (p) => `Orçamento definido em ${perPeriod(p.budget, p.period)}. ${number(p.used)} ${used(p.used)} até agora; renova ${relative(p.resetsAt)}.`,
  'budget.stillPaused': () => 'A geração continua pausada: /veo-admin resume a reativa.',
  'memberCap.defaultRemoved': () =>
    'Limite padrão por membro removido: os membros ficam limitados só pelas cotas dos cargos e pelo orçamento do servidor.',
  'memberCap.defaultSet': (p) =>
    `Limite padrão por membro definido em ${perPeriod(p.cap, p.period)}. As cotas dos cargos e os limites próprios dos membros continuam tendo prioridade.`,
  'memberCap.noneToRemove': (p) => `${userMention(p.userId)} não tem limite próprio; nada mudou.`,
  'memberCap.removed': (p) =>
    `Limite próprio de ${userMention(p.userId)} removido: voltam a valer as cotas dos cargos dele ou o padrão do servidor.`,
  'memberCap.blocked': (p) => `Limite de ${userMention(p.userId)} definido em 0: esse membro não pode criar vídeos neste servidor até você mudar isso.`,
  'memberCap.set': (p) => `Limite de ${userMention(p.userId)} definido em ${perPeriod(p.cap, p.period)}, independentemente dos cargos.`,
  'roleAllowance.noneToRemove': (p) => `${roleMention(p.roleId)} não tem cota; nada mudou.`,
  'roleAllowance.removed': (p) => `Cota de ${roleMention(p.roleId)} removida.`,
  'roleAllowance.set': (p) =>
    `Membros com ${roleMention(p.roleId)} agora podem gastar até ${perPeriod(p.allowance, p.period)} (vale a maior cota entre os cargos de cada membro).`,
  'confirmThreshold.always': () => 'Agora todo pedido de vídeo pede confirmação ao membro antes de gastar qualquer coisa.',
  'confirmThreshold.set': (p) => `Agora pedidos de vídeo que custam ${credits(p.threshold)} ou mais pedem confirmação ao membro.`,
  'adjust.done': (p) =>
    `${p.credits > 0 ? `${credits(p.credits)} ${plural(p.credits, { one: 'devolvido', many: 'devolvidos', other: 'devolvidos' })} a` : `${credits(-p.credits)} ${plural(-p.credits, { one: 'retirado', many: 'retirados', other: 'retirados' })} de`} ${userMention(p.userId)}. ` +
    `Esse membro já usou ${credits(p.memberUsed)} neste período; o servidor, ${credits(p.serverUsed)}.`,
  'pause.already': () => 'A geração de vídeos já estava pausada; nada mudou.',
  'pause.done': () =>
    'A geração de vídeos está pausada neste servidor: novos pedidos são recusados até você usar /veo-admin resume. Os vídeos que já estão sendo criados serão concluídos.',
  'resume.notPaused': () => 'A geração de vídeos não estava pausada; nada mudou.',
  'resume.budgetZero': () => 'Retomada, mas o orçamento é de 0 créditos, então a geração de vídeos continua desativada até você definir um orçamento.',
  'resume.done': () => 'A geração de vídeos foi retomada: os membros podem criar vídeos de novo.',
} satisfies Words<typeof english>;
