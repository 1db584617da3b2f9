import { channelMention, hyperlink, roleMention, userMention } from 'discord.js';
import type { ApprovalState } from '../../../domain/generation.js';
import type { LogOutcome } from '../../../domain/moderation/logOutcome.js';
import type { ChannelProblem } from '../../../domain/moderation/moderationPorts.js';
import type { moderationWords as english } from '../en/moderation.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const approvalTitles: Record<ApprovalState, string> = {
  waiting: '🛡️ Um pedido de vídeo aguarda aprovação',
  approved: '✅ Pedido de vídeo aprovado',
  denied: '🚫 Pedido de vídeo recusado',
  expired: '⌛ Pedido de vídeo expirado: ninguém decidiu a tempo',
  cancelled: '↩️ Pedido de vídeo cancelado pelo membro',
  unreachable: '⚠️ Pedido de vídeo descartado: este canal não pôde ser usado',
};

const outcomes: Record<LogOutcome, string> = {
  completed: '✅ feito',
  partial: '⚠️ feito em parte',
  failed: '❌ falhou',
  denied: '🚫 recusado por um moderador',
  expired: '⌛ expirou antes da aprovação',
  cancelled: '↩️ cancelado pelo membro',
};

const problems: Record<ChannelProblem, string> = {
  channel_gone: 'o canal não existe mais',
  no_permission: 'o bot não pode vê-lo ou postar nele (Ver canal, Enviar mensagens, Inserir links)',
};

export const moderationWords: Words<typeof english> = {
  'approval.title': (p) => approvalTitles[p.state],
  'approval.lead': (p) => `${userMention(p.userId)} pediu um vídeo em ${channelMention(p.channelId)}.`,
  'approval.field.cost': () => 'Custo',
  'approval.field.video': () => 'Vídeo',
  'approval.field.images': () => 'Imagens',
  'approval.field.expires': () => 'Expira',
  'approval.field.decision': () => 'Decisão',
  'approval.images': (p) => (p.count === 0 ? 'nenhuma' : `${number(p.count)} ${plural(p.count, { one: 'imagem', many: 'de imagens', other: 'imagens' })}`),
  'approval.decided': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'um moderador';
    const when = p.at ? ` ${relative(p.at)}` : '';
    switch (p.state) {
      case 'waiting':
        return 'Ninguém decidiu ainda.';
      case 'approved':
        return `Aprovado por ${by}${when}.`;
      case 'denied':
        return `Recusado por ${by}${when}.`;
      case 'expired':
        return `Ninguém decidiu a tempo; os créditos foram liberados${when}.`;
      case 'cancelled':
        return `O membro cancelou o pedido${when}; os créditos foram liberados.`;
      case 'unreachable':
        return 'O bot não podia postar aqui, então o pedido foi descartado e o membro avisado.';
    }
  },
  'approval.reason': (p) => `**Motivo:** ${p.reason}`,
  'approval.removed': () => 'O resultado deste pedido foi removido; o prompt e as imagens não são mais mostrados.',
  'approval.footer': (p) => `Geração nº ${p.id} · os pedidos dos membros aguardam aqui enquanto a aprovação estiver ativa`,
  'approval.approve': () => 'Aprovar',
  'approval.deny': () => 'Recusar',
  'approval.denyForm.title': () => 'Recusar este pedido de vídeo',
  'approval.denyForm.reason': () => 'Motivo (opcional)',
  'approval.denyForm.placeholder': () => 'O membro vai lê-lo na resposta',

  'approval.reply.waiting': () => 'Um moderador precisa aprovar este pedido antes que ele seja feito; os créditos ficam reservados enquanto isso.',
  'approval.reply.approved': () => 'Um moderador aprovou este pedido.',
  'approval.reply.reason': (p) => `Motivo do moderador: ${p.reason}`,

  'approval.press.notModerator': () =>
    'Só moderadores podem aprovar ou recusar pedidos de vídeo: membros com o cargo de aprovação, Gerenciar mensagens ou Gerenciar servidor.',
  'approval.press.own': () => 'Você não pode decidir sobre o seu próprio pedido; outro moderador precisa fazer isso.',
  'approval.press.unknown': () => 'O bot não conhece nenhum pedido aguardando aprovação por trás deste botão.',
  'approval.press.ended': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'um moderador';
    switch (p.state) {
      case 'waiting':
        return 'Este pedido ainda aguarda uma decisão.';
      case 'approved':
        return `Este pedido já foi aprovado por ${by}.`;
      case 'denied':
        return `Este pedido já foi recusado por ${by}.`;
      case 'expired':
        return 'Este pedido já expirou: ninguém decidiu a tempo, e os créditos foram liberados.';
      case 'cancelled':
        return 'O membro já cancelou este pedido.';
      case 'unreachable':
        return 'Este pedido já foi descartado: o bot não podia postar no canal de aprovação.';
    }
  },
  'approval.press.denied': () => 'Recusado; o membro foi avisado e os créditos liberados.',

  'log.title': (p) => `Pedido de vídeo ${outcomes[p.outcome]}`,
  'log.lead': (p) => `${userMention(p.userId)} em ${channelMention(p.channelId)}`,
  'log.field.outcome': () => 'Resultado',
  'log.field.cost': () => 'Cobrado',
  'log.field.reply': () => 'Resposta',
  'log.reply': (p) => hyperlink('Abrir a resposta', p.url),
  'log.noReply': () => 'nenhuma resposta registrada',
  'log.removed': () => 'Este resultado foi removido; o prompt e as imagens não são mais mostrados.',
  'log.footer': (p) => `Geração nº ${p.id}`,

  'approvalAdmin.on': (p) =>
    `A aprovação está ativa: os pedidos de vídeo dos membros agora aguardam em ${channelMention(p.channelId)} até que um moderador (${p.roleId ? `${roleMention(p.roleId)}, ` : ''}Gerenciar mensagens ou Gerenciar servidor) os aprove. Os créditos ficam reservados enquanto isso.`,
  'approvalAdmin.off': () => 'A aprovação está desativada: novos pedidos não aguardam mais. Os que já aguardam continuam aguardando um moderador.',
  'approvalAdmin.alreadyOff': () => 'A aprovação já estava desativada; nada mudou.',
  'logAdmin.set': (p) => `Todo pedido de vídeo feito neste servidor a partir de agora é registrado em ${channelMention(p.channelId)} quando termina.`,
  'logAdmin.off': () => 'O registro dos moderadores está desativado; nada mais é postado lá.',
  'logAdmin.alreadyOff': () => 'Não havia canal de registro; nada mudou.',

  'moderation.field.approval': () => 'Aprovação dos moderadores',
  'moderation.approval': (p) =>
    p.channelId === null ? 'desativada' : `ativa, em ${channelMention(p.channelId)}${p.roleId ? `, moderadores: ${roleMention(p.roleId)}` : ''} (e Gerenciar mensagens)`,
  'moderation.field.log': () => 'Registro dos moderadores',
  'moderation.log': (p) => (p.channelId === null ? 'desativado' : channelMention(p.channelId)),
  'moderation.field.problems': () => 'Problemas',
  'moderation.problem': (p) =>
    `${p.which === 'approval' ? 'Canal de aprovação' : 'Canal de registro'} ${channelMention(p.channelId)}: ${problems[p.problem]}. ${
      p.which === 'approval' ? 'Pedidos em espera são descartados até que isso seja corrigido.' : 'Nada é registrado até você configurá-lo de novo.'
    }`,

  'admin.approval.description': () => 'Os pedidos de vídeo dos membros aguardam um moderador',
  'admin.approval.on.description': () => 'Ativar a aprovação: os pedidos aguardam um moderador em um canal',
  'admin.approval.channel': () => 'Onde os moderadores veem os pedidos em espera',
  'admin.approval.role': () => 'O cargo dos moderadores (Gerenciar mensagens também conta)',
  'admin.approval.off.description': () => 'Desativar a aprovação: novos pedidos não aguardam mais',
  'admin.logChannel.description': () => 'Um registro de cada pedido de vídeo, para os moderadores',
  'admin.logChannel.set.description': () => 'Registrar cada pedido de vídeo terminado em um canal',
  'admin.logChannel.channel': () => 'O canal de registro',
  'admin.logChannel.off.description': () => 'Parar de registrar os pedidos de vídeo',
};
