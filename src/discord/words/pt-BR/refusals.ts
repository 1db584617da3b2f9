import { userMention } from 'discord.js';
import type { AmountField } from '../../../domain/errors.js';
import { fileName } from '../fileName.js';
import type { RefusalWords } from '../refusalMessages.js';
import type { serverKeyRefusals } from './serverKeys.js';
import { credits, megabytes, number, perPeriod, relative, thisPeriod } from './format.js';

const amountNames: Record<AmountField, string> = {
  budget: 'O orçamento',
  member_cap: 'O limite por membro',
  role_allowance: 'A cota do cargo',
  adjustment: 'O ajuste',
  confirm_threshold: 'O limite de confirmação',
  ceiling: 'O teto',
  global_budget: 'O orçamento global',
};

export const refusals = {
  not_in_server: () => 'Use este comando em um canal do servidor, não em mensagens diretas.',
  not_admin: () => 'Só membros com a permissão "Gerenciar servidor" podem alterar os créditos de vídeo.',
  not_operator: () => 'Só o operador do bot (o dono do aplicativo dele no Discord) pode usar este comando.',
  guild_not_enabled: () =>
    'Este bot não está habilitado neste servidor. O operador dele decide quais servidores podem usá-lo; nada foi cobrado.',

  bad_option: ({ option, value, allowed }) => `Valor desconhecido para ${option}: "${value.slice(0, 20)}". Escolha um destes: ${allowed.join(', ')}.`,
  empty_prompt: () => 'Escreva um prompt: descreva o vídeo que você quer.',
  prompt_too_long: ({ length, max }) => `Seu prompt tem ${number(length)} caracteres; o limite é ${number(max)}.`,
  prompt_control_chars: () => 'Seu prompt tem caracteres de controle invisíveis; remova-os e tente de novo.',
  empty_shot: ({ separator }) => `Uma das suas cenas está vazia: escreva um texto entre cada "${separator}".`,
  shot_too_long: ({ shot, max }) => `A cena ${shot} passa de ${number(max)} caracteres; encurte-a.`,
  too_many_shots: ({ count, max }) => `Um vídeo pode ter no máximo ${max} cenas; o seu tem ${number(count)}.`,
  single_shot_resolution: ({ resolution, separator }) =>
    `${resolution} gera uma única cena de 8 segundos: remova os separadores "${separator}" ou escolha 720p.`,
  frames_multi_shot: ({ separator }) =>
    `Os quadros inicial e final só funcionam com uma única cena: remova os separadores "${separator}" ou use o modo reference.`,
  frames_slots: () => 'O modo frames recebe o quadro inicial em "image" e o quadro final opcional em "image2".',
  not_an_image: ({ name }) => `"${fileName(name)}" não é uma imagem PNG, JPEG ou WebP.`,
  image_too_large: ({ name, bytes, maxBytes }) =>
    `"${fileName(name)}" tem ${megabytes(bytes)} MB; as imagens podem ter no máximo ${number(maxBytes / 1024 / 1024)} MB.`,
  image_not_public: ({ name }) => `"${fileName(name)}" não tem um link público que o serviço de vídeo consiga ler; anexe de novo.`,
  images_with_text_mode: () => 'O modo text não aceita imagens: remova-as ou escolha o modo frames ou reference.',
  too_few_images: ({ mode }) =>
    mode === 'frames'
      ? 'O modo frames precisa de uma imagem para o quadro inicial em "image" (e, se quiser, um quadro final).'
      : 'O modo reference precisa de 1 a 3 imagens de referência.',
  too_many_images: ({ mode, count, max }) => `O modo ${mode} aceita no máximo ${max} imagens; você anexou ${number(count)}.`,

  quota_disabled: () =>
    'A geração de vídeos ainda não está ativada neste servidor: o orçamento é de 0 créditos. Um administrador do servidor pode definir um orçamento para ativá-la.',
  operator_paused: () =>
    'O operador do bot pausou os novos vídeos em todos os servidores por enquanto. Tente de novo mais tarde; nenhum crédito foi usado.',
  quota_ceiling_spent: ({ ceiling, used, cost, period, resetsAt }) =>
    ceiling === 0
      ? 'O operador do bot não deu nenhum crédito de vídeo a este servidor. Nada foi cobrado.'
      : used >= ceiling
        ? `Este servidor já usou o máximo que o operador do bot permite: ${number(used)} de ${credits(ceiling)} ${thisPeriod(period)}. Ele é renovado ${relative(resetsAt)}.`
        : `Este vídeo custa ${credits(cost)}, mas restam só ${number(ceiling - used)} dos ${credits(ceiling)} que o operador do bot permite a este servidor ${thisPeriod(period)}. ` +
          `Um vídeo mais curto ou com resolução menor pode caber; ele é renovado ${relative(resetsAt)}.`,
  quota_global_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `O orçamento de vídeo do bot para todos os servidores dele acabou: ${number(used)} de ${credits(budget)} usados ${thisPeriod(period)}. Ele é renovado ${relative(resetsAt)}.`
      : `Este vídeo custa ${credits(cost)}, mas restam só ${number(budget - used)} dos ${credits(budget)} do bot para todos os servidores dele ${thisPeriod(period)}. ` +
        `Um vídeo mais curto ou com resolução menor pode caber; ele é renovado ${relative(resetsAt)}.`,
  quota_paused: () => 'A geração de vídeos foi pausada pelos administradores deste servidor. Peça a eles que a retomem; nenhum crédito foi usado.',
  quota_budget_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `O orçamento de vídeo deste servidor acabou: ${number(used)} de ${credits(budget)} usados ${thisPeriod(period)}. Ele é renovado ${relative(resetsAt)}.`
      : `Este vídeo custa ${credits(cost)}, mas restam só ${number(budget - used)} dos ${credits(budget)} deste servidor ${thisPeriod(period)}. ` +
        `Um vídeo mais curto ou com resolução menor pode caber; o orçamento é renovado ${relative(resetsAt)}.`,
  quota_member_cap: ({ cap, used, cost, period, resetsAt }) =>
    cap === 0
      ? 'Você não tem cota de vídeo neste servidor. Fale com um administrador se achar que deveria ter.'
      : `Seu limite é de ${credits(cap)} ${thisPeriod(period)} e você já usou ${number(used)}; este vídeo custa ${number(cost)}. ` +
        `Ele é renovado ${relative(resetsAt)}.`,

  invalid_amount: ({ field, min, max }) => `${amountNames[field]} deve ser um número inteiro de créditos entre ${number(min)} e ${number(max)}.`,
  invalid_period: ({ allowed }) => `O período deve ser ${allowed.slice(0, -1).join(', ')} ou ${allowed.at(-1)}.`,
  invalid_reason: ({ max }) => `Informe um motivo de 1 a ${max} caracteres; ele fica guardado no histórico de créditos.`,
  give_back_over_used: ({ userId, used, period }) =>
    `${userMention(userId)} usou ${credits(used)} ${thisPeriod(period)}, então é possível devolver no máximo ${number(Math.max(0, used))}.`,
  budget_amount_and_unlimited: () => 'Informe uma quantia ou unlimited, não os dois.',
  budget_over_ceiling: ({ ceiling, period }) =>
    `O operador do bot permite a este servidor no máximo ${perPeriod(ceiling, period)}: defina um orçamento até esse valor, ou unlimited para usar o teto inteiro.`,
  invalid_server: ({ value }) =>
    `"${value.slice(0, 40).replace(/["“”„«»「」『』]/g, "'")}" não é um ID de servidor: escolha um servidor da lista ou cole o ID dele (de 17 a 20 dígitos).`,
  budget_amount_missing: () => 'Informe uma quantia de créditos (0 desativa a geração de vídeos) ou defina unlimited como True.',

  not_your_confirmation: () => 'Só o membro que pediu este vídeo pode responder.',
  generation_not_found: ({ id }) => `Você não tem nenhuma geração nº ${id} neste servidor. Veja as suas com /veo status.`,
  story_empty: () => 'Sua história não tem nenhuma cena: escreva uma cena por linha.',
  story_resolution: ({ resolution, shots }) =>
    `${resolution} gera uma única cena de 8 segundos e sua história tem ${number(shots)} cenas: escolha 720p ou deixe uma só linha.`,
  result_unknown: ({ id }) => `O bot não conhece nenhum vídeo nº ${id}: nada foi feito nem cobrado.`,
  result_other_server: ({ id }) => `O vídeo nº ${id} foi feito em outro servidor; os botões dele só funcionam lá. Nada foi cobrado.`,
  result_other_message: ({ id }) => `Estes botões só funcionam na mensagem do vídeo nº ${id}: nada foi feito nem cobrado.`,
  result_removed: ({ id }) => `O vídeo nº ${id} foi removido: nada foi feito nem cobrado.`,
  result_remove_not_allowed: ({ id }) =>
    `Só o membro que pediu o vídeo nº ${id}, ou alguém com a permissão Gerenciar mensagens, pode removê-lo. Nada foi alterado.`,
  result_images_expired: ({ id }) =>
    `As imagens do vídeo nº ${id} expiraram, então ele não pode ser feito de novo do mesmo jeito. Use Remix para enviar novas imagens ou comece um novo prompt. Nada foi cobrado.`,
  remix_images_expired: ({ id }) =>
    `As imagens originais do vídeo nº ${id} expiraram. Abra o Remix de novo e envie novas imagens, ou comece um novo prompt. Nada foi cobrado.`,
} satisfies Omit<RefusalWords, keyof typeof serverKeyRefusals>;
