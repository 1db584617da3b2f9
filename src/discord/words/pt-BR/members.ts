import { messageLink, userMention } from 'discord.js';
import type { memberWords as english } from '../en/members.js';
import type { MemberRefusalWords } from '../refusalMessages.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const requests = (n: number) => `${number(n)} ${plural(n, { one: 'pedido', many: 'de pedidos', other: 'pedidos' })}`;
const firstRequest = (p: { id: number; guildId: string; channelId: string; messageId: string | null }) =>
  p.messageId === null ? `#${number(p.id)} (\`/veo status id:${p.id}\`)` : `#${number(p.id)} (${messageLink(p.channelId, p.messageId, p.guildId)})`;

export const memberRefusals: MemberRefusalWords = {
  member_active_limit: ({ active, limit }) =>
    `Você tem ${requests(active)} aguardando ou em produção neste servidor, e o limite é ${number(limit)} de cada vez. ` +
    'Espere um terminar, ou cancele um que esteja aguardando com o botão Cancelar; nada foi cobrado.',
  duplicate_request: (p) => `Você pediu este mesmo vídeo agora há pouco: ${firstRequest(p)}. Nada foi cobrado duas vezes.`,
  member_cooldown: ({ until, failures }) =>
    `O serviço de vídeo recusou ou não conseguiu fazer ${requests(failures)} seus em uma hora, então seus novos pedidos neste servidor aguardam até ${relative(until)}. Nada foi cobrado.`,
  withdraw_not_allowed: ({ id }) => `Só o membro que pediu o vídeo nº ${number(id)}, ou alguém com Gerenciar mensagens, pode cancelá-lo.`,
  withdraw_too_late: ({ id, sent }) =>
    sent
      ? `O vídeo nº ${number(id)} já foi enviado ao serviço de vídeo, que não pode parar um vídeo iniciado; nada foi cancelado.`
      : `O vídeo nº ${number(id)} não está mais aguardando; nada foi cancelado.`,
  withdraw_already: ({ id, by }) => (by === null ? `O vídeo nº ${number(id)} já foi cancelado.` : `O vídeo nº ${number(id)} já foi cancelado por ${userMention(by)}.`),
  invalid_member_limit: ({ min, max }) => `O limite por membro deve ser um número inteiro de ${number(min)} (sem limite) a ${number(max)}.`,
};

export const memberWords = {
  'members.cancel': () => 'Cancelar',
  'members.cancelledNote': (p) => `Cancelado por ${userMention(p.by)} antes de ser enviado. Os créditos foram devolvidos.`,
  'members.waitingHeading': (p) => `Aguardando (${number(p.count)})`,
  'members.recentHeading': () => 'Recentes',
  'members.waitingEntry': (p) => (p.place === null ? `**#${number(p.id)}** aguardando seu lugar` : `**#${number(p.id)}** aguardando · lugar ${number(p.place)}`),
  'members.field.activeLimit': () => 'Pedidos ativos por membro',
  'members.activeLimit': (p) => `${p.limit === 0 ? 'sem limite' : `no máximo ${number(p.limit)}`}${p.setHere ? '' : ' (padrão do bot)'}`,
  'members.field.waiting': () => 'Aguardando neste servidor',
  'members.waiting': (p) => requests(p.count),
  'members.field.cooldowns': () => 'Membros em pausa obrigatória',
  'members.cooldown': (p) => `${userMention(p.userId)} até ${relative(p.until)}`,
  'members.activeLimitSet': (p) =>
    p.limit === 0
      ? 'Agora os membros podem ter qualquer número de pedidos aguardando ou em produção ao mesmo tempo neste servidor.'
      : `Agora cada membro pode ter no máximo ${requests(p.limit)} aguardando ou em produção ao mesmo tempo neste servidor.`,
  'members.cooldownCleared': (p) =>
    p.until === null
      ? `${userMention(p.userId)} não estava em pausa obrigatória; as falhas até agora não contam mais.`
      : `A pausa obrigatória de ${userMention(p.userId)} foi suspensa (ia até ${relative(p.until)}); as falhas até agora não contam mais.`,
  'admin.memberLimit.description': () => 'Quantos pedidos cada membro pode ter aguardando ou em produção ao mesmo tempo',
  'admin.memberLimit.amount': () => 'Pedidos ao mesmo tempo por membro; 0 = sem limite',
  'admin.cooldownClear.description': () => 'Suspender a pausa obrigatória de um membro após recusas do serviço de vídeo',
  'admin.cooldownClear.member': () => 'O membro cuja pausa obrigatória termina agora',
} satisfies Words<typeof english>;
