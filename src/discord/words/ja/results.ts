import { userMention } from 'discord.js';
import type { resultWords as english, ShotProgress } from '../en/results.js';
import type { Words } from '../words.js';
import { credits, dateTime, duration, number, relative } from './format.js';

const progressLabels: Record<ShotProgress, string> = {
  done: '✅ 完了',
  running: '🎬 生成中',
  waiting: '⏳ 待機中',
  failed: '❌ 失敗',
};

/** 完成した動画のボタン、リミックスのフォーム、詳細、ショットごとの進捗。 */
export const resultWords = {
  'result.again': () => 'もう一度',
  'result.tryAgain': () => '再試行',
  'result.remix': () => 'リミックス',
  'result.details': () => '詳細',
  'result.delete': () => '削除',
  'result.removed': (p) => `動画 #${p.id} を削除しました。/veo status には「削除済み」として残ります。クレジットは動いていません。`,
  'result.removedField': () => '削除済み',
  'result.removedLabel': (p) => `🗑️ ${relative(p.at)}に削除`,
  'result.removedMessageGone': (p) =>
    `動画 #${p.id} は削除済みとして記録され、再び投稿されることはありませんが、メッセージを削除できませんでした（すでに消えている可能性があります）。`,

  'remix.modal.title': (p) => `動画 #${p.id} をリミックス`,
  'remix.prompt.label': () => 'プロンプト',
  'remix.prompt.description': () => 'プロンプトを編集してください。改行もプロンプトの一部になります。',
  'remix.shots.label': () => 'ショット（1行に1つ）',
  'remix.shots.description': (p) => `最大${p.maxShots}ショット、1行に1つ。複数ショットの動画は常に720pです。`,
  'remix.aspect.label': () => 'アスペクト比',
  'remix.resolution.label': () => '解像度',
  'remix.resolution.option': (p) => `${p.resolution}（${credits(p.credits)}）`,
  'remix.images.label': () => '新しい画像（任意）',
  'remix.images.description': (p) =>
    p.kept > 0
      ? `最大${p.max}枚の画像で元の${p.kept}枚を置き換えます。空欄なら元の画像のままです。`
      : `PNG・JPEG・WebP 画像を最大${p.max}枚。空欄ならテキストだけの動画になります。`,

  'details.title': (p) => (p.pages > 1 ? `動画 #${p.id} の詳細（${p.page}/${p.pages}）` : `動画 #${p.id} の詳細`),
  'details.askedBy': (p) => `**リクエストした人** ${userMention(p.userId)} ${dateTime(p.at)}`,
  'details.state': (p) => `**状態** ${p.label}`,
  'details.request': (p) =>
    `**モード** ${p.mode} · **アスペクト比** ${p.aspect} · **解像度** ${p.resolution} · **ショット数** ${number(p.shots)}`,
  'details.cost': (p) =>
    p.charged === null
      ? `**費用** 請求なし（価格 ${credits(p.priced)}）`
      : `**費用** ${credits(p.charged)}を請求、${credits(p.refunded)}を返金`,
  'details.images': (p) => (p.count === 0 ? '**画像** なし' : `**画像**（${number(p.count)}枚）`),
  'details.videos': (p) => (p.count === 0 ? '**動画** リンクなし' : `**動画**（リンク${number(p.count)}件）`),
  'details.shot': (p) =>
    [
      `**ショット ${p.position}** ${progressLabels[p.progress]}`,
      p.taskId === null ? 'タスク ID なし' : `タスク \`${p.taskId.replace(/`/g, "'")}\``,
      ...(p.seconds === null ? [] : [duration(p.seconds)]),
    ].join(' · '),
  'details.continued': () => '（続き）',

  'progress.field': () => 'ショット',
  'progress.shot': (p) =>
    `${p.position}. ${progressLabels[p.progress]}${p.progress === 'running' && p.startedAt ? `（${relative(p.startedAt)}に開始）` : ''}`,
} satisfies Words<typeof english>;
