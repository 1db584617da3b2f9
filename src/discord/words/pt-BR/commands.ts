import { inlineCode } from 'discord.js';
import type { Mode } from '../../../domain/videoRequest.js';
import type { commandWords as english } from '../en/commands.js';
import type { Words } from '../words.js';
import { periodNoun } from './format.js';

const modeChoices: Record<Mode, string> = {
  text: 'text (sem imagens)',
  frames: 'frames (quadro inicial e quadro final opcional)',
  reference: 'reference (1 a 3 imagens de referência)',
};

export const commandWords = {
  'veo.description': () => 'Crie vídeos curtos com IA usando o Google Veo 3.1',
  'veo.prompt.description': () => 'Crie um vídeo a partir de um prompt, com imagens se quiser',
  'veo.prompt.text': (p) => `Descreva o vídeo. Separe as cenas com ${p.separator} para um vídeo 720p mais longo.`,
  'veo.prompt.mode': () => 'Como as imagens são usadas (padrão: text, ou reference com imagens anexadas)',
  'veo.prompt.modeChoice': (p) => modeChoices[p.mode],
  'veo.prompt.aspect': () => 'Proporção (padrão 16:9)',
  'veo.prompt.resolution': (p) => `${p.priceList} (padrão 720p)`,
  'veo.prompt.image': () => 'Quadro inicial ou uma imagem de referência',
  'veo.prompt.image2': () => 'Quadro final ou uma segunda imagem de referência',
  'veo.prompt.image3': () => 'Uma terceira imagem de referência',
  'veo.status.description': () => 'Seus vídeos recentes neste servidor, ou um deles em detalhe',
  'veo.status.id': () => 'Um número de geração, para ver os detalhes',
  'veo.credits.description': () => 'O orçamento de vídeo deste servidor e quanto você ainda pode gastar',

  'admin.description': () => 'Gerencie os créditos de vídeo deste servidor',
  'admin.budget.description': () => 'Defina o orçamento de créditos do servidor por período',
  'admin.budget.amount': () => 'Créditos por período; 0 desativa a geração de vídeos',
  'admin.budget.unlimited': () => 'Sem limite para o servidor (os limites por membro continuam valendo)',
  'admin.budget.period': () => 'Quando o orçamento é renovado, em UTC (padrão: o período atual)',
  'admin.period': (p) => periodNoun[p.period],
  'admin.memberCap.description': () => 'Defina o limite padrão por membro ou o limite próprio de um membro',
  'admin.memberCap.amount': () => 'Créditos por período; deixe em branco para remover o limite',
  'admin.memberCap.member': () => 'Defina o limite próprio deste membro em vez do padrão',
  'admin.roleAllowance.description': () => 'Deixe membros com um cargo gastarem até uma quantia por período',
  'admin.roleAllowance.role': () => 'O cargo',
  'admin.roleAllowance.amount': () => 'Créditos por período; 0 remove a cota',
  'admin.confirmThreshold.description': () => 'Peça confirmação para pedidos que custem pelo menos este valor',
  'admin.confirmThreshold.amount': () => 'Créditos; 0 pede confirmação em todo pedido',
  'admin.usage.description': () => 'Créditos usados neste período: totais, membros que mais usaram, falhas e reembolsos',
  'admin.settings.description': () => 'O orçamento, os limites e as cotas atuais',
  'admin.adjust.description': () => 'Devolva ou retire créditos do uso de um membro neste período',
  'admin.adjust.member': () => 'O membro',
  'admin.adjust.credits': () => 'Positivo devolve créditos; negativo retira',
  'admin.adjust.reason': () => 'Fica guardado no histórico de créditos',
  'admin.pause.description': () => 'Pare novos pedidos de vídeo neste servidor',
  'admin.resume.description': () => 'Permita pedidos de vídeo de novo',

  'error.internal': (p) => `Algo deu errado do nosso lado (referência ${inlineCode(p.reference)}). Tente de novo mais tarde.`,
} satisfies Words<typeof english>;
