import { inlineCode, roleMention } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { creditWords as english } from '../en/credits.js';
import type { Words } from '../words.js';
import { credits, dateTime, limitText, number, plural, relative, thisPeriod } from './format.js';

const periodAdjective: Record<Period, string> = { day: 'diário', week: 'semanal', month: 'mensal' };

export const creditWords = {
  'credits.amount': (p) => credits(p.credits),
  'credits.priceList': (p) =>
    p.prices.map(({ resolution, perShot }, i) => `${resolution}: ${perShot}${i === 0 ? ' créditos por cena' : ''}`).join(p.separator),

  'confirm.title': (p) => `Criar este vídeo por ${credits(p.cost)}?`,
  'confirm.field.cost': () => 'Custo',
  'confirm.field.leftAfter': () => 'Vai sobrar para você',
  'confirm.field.video': () => 'Vídeo',
  'confirm.leftAfter': (p) => limitText(p.remaining),
  'confirm.video': (p) => `${p.shots} × ${p.shotSeconds} s · ${p.resolution} · ${p.aspect}`,
  'confirm.footer': () => 'Nada é reservado até você confirmar.',
  'confirm.make': (p) => `Criar (${credits(p.cost)})`,
  'confirm.cancel': () => 'Cancelar',
  'confirm.expires': (p) => `Esta pergunta expira ${relative(p.at)}.`,
  'confirm.shot': (p) => `**${p.shot}.** ${p.prompt}`,
  'confirm.ended': (p) =>
    ({
      confirmed: 'Você já respondeu a esta pergunta; veja a resposta abaixo.',
      cancelled: 'Você já cancelou este pedido, então nenhum crédito foi usado.',
      expired: `Esta pergunta expirou, então nada foi reservado. ${p.command === 'prompt' || p.command === 'story' ? `Use ${inlineCode(`/veo ${p.command}`)} de novo.` : `Aperte ${p.command === 'again' ? 'De novo' : p.command === 'extend' ? 'Estender' : 'Remix'} no vídeo para pedir outra vez.`}`,
    })[p.outcome],
  'confirm.closed': () =>
    `Esta pergunta não está mais aberta (o bot pode ter reiniciado). Se você confirmou, seu vídeo está em ${inlineCode('/veo status')}; ` +
    `se não, use ${inlineCode('/veo prompt')} ou ${inlineCode('/veo story')} de novo.`,
  'confirm.replaced': () => 'Esta pergunta foi fechada porque você fez outras mais recentes, então nada foi reservado. Responda a uma das perguntas mais recentes.',
  'confirm.cancelled': () => 'Cancelado. Nenhum crédito foi usado.',
  'confirm.answered': () => 'Respondido; veja a resposta abaixo.',

  'credits.reservedNote': (p) =>
    `Este vídeo custa ${credits(p.cost)}. ` +
    (p.available === null
      ? 'Não há limite para o que você pode gastar aqui.'
      : `Você ainda pode gastar ${credits(p.available)} ${thisPeriod(p.period)}; o limite é renovado ${relative(p.resetsAt)}.`),

  'credits.title': () => 'Créditos',
  'credits.state': (p) =>
    p.operatorPaused
      ? 'A geração de vídeos foi **pausada** em todos os servidores pelo operador do bot.'
      : !p.enabled
      ? 'A geração de vídeos está desativada neste servidor até um administrador definir um orçamento.'
      : p.paused
        ? 'A geração de vídeos foi **pausada** pelos administradores.'
        : `Você pode gastar **${limitText(p.available)}** ${thisPeriod(p.period)}.`,
  'credits.resets': (p) => `O orçamento ${periodAdjective[p.period]} é renovado ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'credits.field.serverBudget': () => 'Orçamento do servidor',
  'credits.field.serverUsed': () => 'Usado pelo servidor',
  'credits.field.serverLeft': () => 'Restante do servidor',
  'credits.field.ceiling': () => 'Teto do operador',
  'credits.field.global': () => 'Todos os servidores',
  'credits.operatorLimit': (p) =>
    `${plural(p.remaining, { one: 'Resta', many: 'Restam', other: 'Restam' })} ${number(p.remaining)} de ${credits(p.amount)} ${thisPeriod(p.period)}; renova ${relative(p.resetsAt)}`,
  'credits.field.yourCap': () => 'Seu limite',
  'credits.field.youUsed': () => 'Você usou',
  'credits.field.youLeft': () => 'Você ainda tem',
  'credits.unlimited': () => 'ilimitado',
  'credits.limit': (p) => limitText(p.remaining),
  'credits.cap': (p) => {
    if (p.cap === null) return 'sem limite';
    const source = { override: 'definido para você', role: `por ${roleMention(p.roleId ?? '0')}`, default: 'padrão do servidor', none: 'sem limite' }[p.source];
    return `${credits(p.cap)} (${source})`;
  },
  'credits.footer': (p) => `${p.priceList} · pedidos a partir de ${credits(p.confirmFrom)} pedem confirmação`,
} satisfies Words<typeof english>;
