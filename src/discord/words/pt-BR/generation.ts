import { channelMention, hyperlink, userMention } from 'discord.js';
import type { FailureCode, GenerationState } from '../../../domain/generation.js';
import type { generation as english } from '../en/generation.js';
import type { Words } from '../words.js';
import { costText, type CostWords } from '../costText.js';
import { serverKeyRefusals } from './serverKeys.js';
import { turnsFailures } from './turns.js';
import { credits, duration, number, plural } from './format.js';

const costWords: CostWords = {
  reserved: credits,
  notCharged: (n) => `${credits(n)} (${plural(n, { one: 'não cobrado', many: 'não cobrados', other: 'não cobrados' })})`,
  charged: credits,
  refunded: (n) => `${credits(n)} (${plural(n, { one: 'reembolsado', many: 'reembolsados', other: 'reembolsados' })})`,
  partlyRefunded: (net, refunded) => `${credits(net)} (${number(refunded)} ${plural(refunded, { one: 'reembolsado', many: 'reembolsados', other: 'reembolsados' })})`,
};

const GIVEN_BACK = 'Seus créditos foram devolvidos.';

const failures: Record<FailureCode, string> = {
  LOGIN_REQUIRED: `O serviço de vídeo recusou a chave de API do bot. Peça ao operador do bot que verifique a NANOPHOTO_API_KEY. ${GIVEN_BACK}`,
  API_KEY_RATE_LIMIT_EXCEEDED: `O bot atingiu o limite de solicitações por hora do serviço de vídeo. Tente de novo em alguns minutos. ${GIVEN_BACK}`,
  INSUFFICIENT_CREDITS: `A conta do bot no serviço de vídeo ficou sem créditos. Peça ao operador do bot que a recarregue. ${GIVEN_BACK}`,
  SHOTS_REQUIRED: `O serviço de vídeo não encontrou nenhuma cena na solicitação. Escreva um prompt (até 21 cenas separadas por ||). ${GIVEN_BACK}`,
  PROMPT_REQUIRED: `Uma cena estava sem prompt. Verifique se nenhuma cena entre os separadores || está vazia. ${GIVEN_BACK}`,
  INVALID_IMAGE_COUNT: `Número de imagens errado para este modo: 1 ou 2 para frames, 1 a 3 para reference, nenhuma para text. ${GIVEN_BACK}`,
  IMAGE_URLS_REQUIRED: `O serviço de vídeo não conseguiu usar as imagens anexadas. Anexe-as de novo como arquivos PNG, JPEG ou WebP. ${GIVEN_BACK}`,
  GENERATION_FAILED: `O serviço de vídeo não conseguiu criar este vídeo. Tente de novo ou mude o prompt ou as imagens. ${GIVEN_BACK}`,
  TASK_IDS_REQUIRED: `O bot consultou o serviço de vídeo sobre este vídeo do jeito errado. Avise o operador do bot, por favor. ${GIVEN_BACK}`,
  TASK_NOT_FOUND: 'O serviço de vídeo não reconhece mais este vídeo. Os créditos das cenas não terminadas foram devolvidos; comece de novo.',
  INTERNAL_ERROR: `O serviço de vídeo teve um erro interno. Tente de novo em alguns minutos. ${GIVEN_BACK}`,
  UNKNOWN: `O serviço de vídeo recusou a solicitação. Tente mais tarde; se continuar acontecendo, avise o operador do bot. ${GIVEN_BACK}`,
  OUTCOME_UNKNOWN:
    'O serviço de vídeo não respondeu a tempo, então o bot não tem como saber se o vídeo foi iniciado e não vai enviá-lo duas vezes. Seus créditos foram devolvidos; tente de novo.',
  TRANSPORT_TIMEOUT: `Não foi possível conectar ao serviço de vídeo. Tente de novo em alguns minutos. ${GIVEN_BACK}`,
  TRANSPORT_NETWORK: `Não foi possível conectar ao serviço de vídeo. Tente de novo em alguns minutos. ${GIVEN_BACK}`,
  TRANSPORT_MALFORMED: `O serviço de vídeo respondeu algo que o bot não conseguiu ler. Tente de novo em alguns minutos. ${GIVEN_BACK}`,
  INTERNAL: `Algo deu errado do lado do bot. ${GIVEN_BACK}`,
  QUEUE_TIMEOUT:
    'O serviço de vídeo ficou ocupado por tanto tempo que os links das suas imagens expirariam antes da sua vez, então a solicitação foi descartada. Seus créditos foram devolvidos; tente mais tarde.',
  discord_unavailable: 'O Discord não aceitou a resposta a tempo, então nada foi enviado ao serviço de vídeo. Seus créditos foram devolvidos.',
  timeout: 'O serviço de vídeo não terminou a tempo. Os créditos das cenas não terminadas foram devolvidos.',
  NO_VIDEO_URL: 'O serviço de vídeo terminou este vídeo, mas não deu nenhum link para ele. Seus créditos foram devolvidos; tente de novo.',
  ...turnsFailures,
  CANCELLED: 'Foi cancelado antes de ser enviado ao serviço de vídeo. Os créditos foram devolvidos.',
  APPROVAL_DENIED: "Um moderador recusou este pedido antes que qualquer coisa fosse feita. Seus créditos foram devolvidos.",
  APPROVAL_EXPIRED: "Nenhum moderador decidiu sobre este pedido a tempo, então ele foi descartado. Seus créditos foram devolvidos; peça de novo mais tarde.",
  APPROVAL_UNAVAILABLE: "O canal de aprovação deste servidor não existe mais ou o bot não pode postar nele, então nenhum moderador pôde ver este pedido. Seus créditos foram devolvidos; avise os admins do servidor.",
  APPROVAL_IMAGES_EXPIRED: "Um moderador aprovou este pedido, mas nesse meio-tempo os links das imagens expiraram. Seus créditos foram devolvidos; peça de novo enviando as imagens outra vez.",
  KEY_REMOVED: 'O operador do bot removeu a chave de API com que este vídeo estava sendo feito, então o bot não consegue mais acompanhá-lo. Seus créditos foram devolvidos.',
  SERVER_KEY_REFUSED: "Os vídeos estão pausados neste servidor: a nanophoto não aceita mais a conta que paga por eles. Os admins do servidor foram avisados. Nada foi cobrado; seus créditos foram devolvidos.",
  SERVER_KEY_REMOVED: "Este servidor deixou de pagar seus vídeos com a própria conta da nanophoto antes de o seu ser enviado, então ele não foi enviado. Nada foi cobrado; seus créditos foram devolvidos.",
  // Approved after its server's key changed: the sentence a new request meets, its credits given back.
  SERVER_KEY_REQUIRED: `${serverKeyRefusals.server_key_required({})} ${GIVEN_BACK}`,
  SERVER_KEY_LOCKED: `${serverKeyRefusals.server_key_locked({})} ${GIVEN_BACK}`,
};

const titles: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ Aguardando um moderador",
  queued: '⏳ Na fila: o serviço de vídeo está ocupado',
  submitting: '📨 Enviando seu vídeo…',
  running: '🎬 Gerando seu vídeo…',
  completed: '✅ Seu vídeo está pronto',
  partial: '⚠️ Seu vídeo está parcialmente pronto',
  failed: '❌ Não foi possível criar o vídeo',
};

const stateLabels: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ aguardando aprovação",
  queued: '⏳ na fila',
  submitting: '📨 enviando',
  running: '🎬 gerando',
  completed: '✅ pronto',
  partial: '⚠️ parcialmente pronto',
  failed: '❌ falhou',
};

const pingLeads: Record<GenerationState, string> = {
  awaiting_approval: "novidades sobre o vídeo que você pediu:",
  queued: 'novidades sobre o vídeo que você pediu:',
  submitting: 'novidades sobre o vídeo que você pediu:',
  running: 'novidades sobre o vídeo que você pediu:',
  completed: 'aqui está o vídeo que você pediu:',
  partial: 'aqui está o que deu para criar do vídeo que você pediu:',
  failed: 'não foi possível criar o vídeo que você pediu:',
};

export const generation = {
  'generation.title': (p) => titles[p.state],
  'generation.stateLabel': (p) => stateLabels[p.state],
  'generation.pingLead': (p) => `${userMention(p.userId)}, ${pingLeads[p.state]}`,
  'generation.dmLead': (p) => `Não consegui postar em ${channelMention(p.channelId)}, então estou avisando aqui:`,
  'generation.failure': (p) => failures[p.code],
  'generation.accountEmpty': () =>
    'A conta de vídeo do bot ficou sem créditos, então seu pedido está esperando na fila. Ele começa quando o operador do bot recarregar a conta; nada foi cobrado.',
  'generation.partialShots': (p) =>
    `${number(p.failed)} de ${number(p.total)} cenas ${plural(p.failed, {
      one: 'não pôde ser criada; os créditos dela foram devolvidos.',
      many: 'não puderam ser criadas; os créditos delas foram devolvidos.',
      other: 'não puderam ser criadas; os créditos delas foram devolvidos.',
    })}`,
  'generation.reason': (p) => `**${p.failed ? 'Motivo' : 'Observação'}:** ${p.text}`,
  'generation.mode': (p) => p.mode,
  'generation.cost': (p) => costText(p, costWords),
  'generation.shotsDone': (p) => `${number(p.done)} de ${number(p.total)} prontas`,
  'generation.duration': (p) => duration(p.seconds),
  'generation.footer': (p) => `Geração nº ${p.id} · /veo status id:${p.id}`,
  'generation.field.mode': () => 'Modo',
  'generation.field.aspect': () => 'Proporção',
  'generation.field.resolution': () => 'Resolução',
  'generation.field.cost': () => 'Custo',
  'generation.field.shots': () => 'Cenas',
  'generation.field.started': () => 'Iniciado',
  'generation.field.queuePosition': () => 'Posição na fila',
  'generation.field.expectedStart': () => 'Início previsto',
  'generation.field.expected': () => 'Previsão',
  'generation.field.generationTime': () => 'Tempo de geração',

  'status.title': () => 'Seus vídeos',
  'status.empty': () => 'Você ainda não criou nenhum vídeo neste servidor. Experimente `/veo prompt`.',
  'status.videoLink': (p) => `${hyperlink('vídeo', p.url)}${p.more > 0 ? ` +${p.more}` : ''}`,
  'generation.hostedNote': () => 'Este vídeo está hospedado no serviço de vídeo e pode expirar; baixe-o para guardá-lo.',
  'generation.shotsAttached': (p) =>
    `${plural(p.attached, { one: 'O take 1 está anexado', many: `Os takes 1–${number(p.attached)} estão anexados`, other: `Os takes 1–${number(p.attached)} estão anexados` })}; os outros ${number(p.total - p.attached)} não couberam em uma mensagem e são links do serviço de vídeo (podem expirar).`,
  'generation.source': (p) => (p.shot === null ? 'Fonte' : `Fonte ${number(p.shot)}`),
  'generation.sourceLine': (p) => `**Fonte:** ${p.url}`,
  'generation.linksLeftOut': (p) => `${number(p.count)} ${plural(p.count, { one: 'link a mais é longo demais', many: 'de links a mais são longos demais', other: 'links a mais são longos demais' })} para uma mensagem do Discord.`,
  'status.videoDetails': (p) => `vídeo: /veo status id:${p.id}`,
  'status.footer': () => 'Detalhes: /veo status id:<número>',
} satisfies Words<typeof english>;
