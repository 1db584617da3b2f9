import type { PrivacyRefusalWords } from '../refusalMessages.js';
import { blockedEntry } from '../blockedEntry.js';
import { number } from './format.js';

/** ブロックする語句、メンバーの画像、消去された結果：断りのメッセージ。 */
export const privacyRefusals: PrivacyRefusalWords = {
  prompt_blocked: ({ entry }) => `このプロンプトには、このサーバーで禁止されている ${blockedEntry(entry)} が含まれています。何も予約されていません。`,
  blocklist_no_entries: () => 'ブロックする語句を1つ以上、カンマで区切って入力してください。',
  blocklist_entry_too_long: ({ max }) => `ブロックする語句はそれぞれ${number(max)}文字までです。何も変更されていません。`,
  blocklist_entry_no_letters: ({ entry }) => `${blockedEntry(entry)} には文字も数字もないため、一致することがありません。何も追加されていません。`,
  blocklist_full: ({ max, count, adding }) =>
    `ブロックリストは${number(max)}件中${number(count)}件です。さらに${number(adding)}件追加すると上限を超えます。先にいくつか削除してください。`,
  again_images_not_yours: ({ id }) => `動画 #${id} は他のメンバーの画像から作られており、その画像は再利用されません。代わりに自分の画像で Remix を使ってください。`,
  result_too_old: ({ id }) => `動画 #${id} は古すぎます。プロンプトとリンクはもう保存されていません。`,
};

/** `/veo-admin blocklist …`、設定の行、`/veo status` の消去された結果。 */
export const privacyWords = {
  'admin.blocklist.description': () => 'このサーバーのプロンプトで禁止する語句',
  'admin.blocklist.add.description': () => 'プロンプトで使えない語句を追加する',
  'admin.blocklist.remove.description': () => 'ブロックした語句を再び許可する',
  'admin.blocklist.list.description': () => 'ブロックしている語句を表示する',
  'admin.blocklist.builtin.description': () => '内蔵の英語の卑語リストもブロックする',
  'admin.blocklist.words': () => '語句（カンマ区切り）',
  'admin.blocklist.enabled': () => 'True で内蔵の英語リストを使い、False で使うのをやめる',
  'blocklist.added': (p: { added: number; skipped: number; count: number; max: number }) =>
    `${number(p.added)}件をブロックしました${p.skipped > 0 ? `（${number(p.skipped)}件は登録済み）` : ''}。ブロックリストは${number(p.max)}件中${number(p.count)}件になりました。すでに待機中のリクエストは再チェックされません。`,
  'blocklist.removed': (p: { removed: number; missing: number; count: number }) =>
    `${number(p.removed)}件を再び許可しました${p.missing > 0 ? `（${number(p.missing)}件はリストにありませんでした）` : ''}。ブロックリストは${number(p.count)}件になりました。`,
  'blocklist.title': (p: { count: number; max: number; page: number; pages: number }) =>
    `ブロック中の語句：${number(p.max)}件中${number(p.count)}件${p.pages > 1 ? `（${p.page}/${p.pages}）` : ''}`,
  'blocklist.empty': () => 'このサーバーでブロックしている語句はありません。',
  'blocklist.builtinState': (p: { builtin: boolean }) => (p.builtin ? '内蔵の英語リストも使っています。' : '内蔵の英語リストはオフです。'),
  'blocklist.builtinSet': (p: { enabled: boolean }) =>
    p.enabled ? 'このサーバーの語句に加えて、内蔵の英語リストも使うようになりました。' : '内蔵の英語リストは使わなくなりました。このサーバーの語句は引き続き使われます。',
  'settings.field.blocklist': () => 'ブロック中の語句',
  'settings.blocklist': (p: { count: number; max: number; builtin: boolean }) =>
    `${number(p.max)}件中${number(p.count)}件 · 内蔵の英語リスト${p.builtin ? 'オン' : 'オフ'}`,
  'status.erased': (p: { because: 'removed' | 'expired' }) => (p.because === 'removed' ? '*プロンプトとリンクは消去済み*' : '*プロンプトとリンクは保存期間切れ*'),
};
