import { userMention } from 'discord.js';
import type { resultWords as english, ShotProgress } from '../en/results.js';
import type { Words } from '../words.js';
import { credits, dateTime, duration, number, plural, relative } from './format.js';

const progressLabels: Record<ShotProgress, string> = {
  done: '✅ pronta',
  running: '🎬 gerando',
  waiting: '⏳ aguardando',
  failed: '❌ falhou',
};

/** Os botões sob um vídeo pronto, o formulário Remix, os detalhes e o progresso de cada cena. */
export const resultWords = {
  'result.again': () => 'De novo',
  'result.tryAgain': () => 'Tentar de novo',
  'result.remix': () => 'Remix',
  'result.details': () => 'Detalhes',
  'result.delete': () => 'Excluir',
  'result.removed': (p) =>
    `O vídeo nº ${p.id} foi removido. Ele continua em /veo status, marcado como removido; nenhum crédito foi movido.`,
  'result.removedField': () => 'Removido',
  'result.removedLabel': (p) => `🗑️ removido ${relative(p.at)}`,
  'result.removedMessageGone': (p) =>
    `O vídeo nº ${p.id} está marcado como removido e não será publicado de novo, mas a mensagem dele não pôde ser apagada (talvez já não exista).`,

  'remix.modal.title': (p) => `Remix do vídeo nº ${p.id}`,
  'remix.prompt.label': () => 'Prompt',
  'remix.prompt.description': () => 'Edite o prompt; as quebras de linha fazem parte dele.',
  'remix.shots.label': () => 'Cenas, uma por linha',
  'remix.shots.description': (p) => `Até ${p.maxShots} cenas, uma por linha; um vídeo com várias cenas é sempre 720p.`,
  'remix.aspect.label': () => 'Proporção',
  'remix.resolution.label': () => 'Resolução',
  'remix.resolution.option': (p) => `${p.resolution} (${credits(p.credits)})`,
  'remix.images.label': () => 'Novas imagens (opcional)',
  'remix.images.description': (p) =>
    p.kept > 0
      ? `Até ${p.max} imagens substituem ${plural(p.kept, { one: 'a imagem original', many: `as ${p.kept} de imagens originais`, other: `as ${p.kept} imagens originais` })}; deixe vazio para mantê-las.`
      : `Até ${p.max} imagens PNG, JPEG ou WebP; deixe vazio para um vídeo só de texto.`,

  'details.title': (p) => (p.pages > 1 ? `Detalhes do vídeo nº ${p.id} (${p.page}/${p.pages})` : `Detalhes do vídeo nº ${p.id}`),
  'details.askedBy': (p) => `**Pedido por** ${userMention(p.userId)} ${dateTime(p.at)}`,
  'details.state': (p) => `**Estado** ${p.label}`,
  'details.request': (p) =>
    `**Modo** ${p.mode} · **Proporção** ${p.aspect} · **Resolução** ${p.resolution} · **Cenas** ${number(p.shots)}`,
  'details.cost': (p) =>
    p.charged === null
      ? `**Custo** nada cobrado (preço: ${credits(p.priced)})`
      : `**Custo** ${credits(p.charged)} ${plural(p.charged, { one: 'cobrado', many: 'cobrados', other: 'cobrados' })}, ${credits(p.refunded)} ${plural(p.refunded, { one: 'devolvido', many: 'devolvidos', other: 'devolvidos' })}`,
  'details.images': (p) => (p.count === 0 ? '**Imagens** nenhuma' : `**Imagens** (${number(p.count)})`),
  'details.videos': (p) => (p.count === 0 ? '**Vídeo** sem link' : `**Vídeo** (${number(p.count)} ${plural(p.count, { one: 'link', many: 'de links', other: 'links' })})`),
  'details.shot': (p) =>
    [
      `**Cena ${p.position}** ${progressLabels[p.progress]}`,
      p.taskId === null ? 'sem id de tarefa' : `tarefa \`${p.taskId.replace(/`/g, "'")}\``,
      ...(p.seconds === null ? [] : [duration(p.seconds)]),
    ].join(' · '),
  'details.continued': () => '(continuação)',

  'progress.field': () => 'Cenas',
  'progress.shot': (p) =>
    `${p.position}. ${progressLabels[p.progress]}${p.progress === 'running' && p.startedAt ? `, começou ${relative(p.startedAt)}` : ''}`,
} satisfies Words<typeof english>;
