import { messageLink, userMention } from 'discord.js';
import type { memberWords as english } from '../en/members.js';
import type { MemberRefusalWords } from '../refusalMessages.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

const requests = (n: number) => `${number(n)}件のリクエスト`;
const firstRequest = (p: { id: number; guildId: string; channelId: string; messageId: string | null }) =>
  p.messageId === null ? `#${number(p.id)}（\`/veo status id:${p.id}\`）` : `#${number(p.id)}（${messageLink(p.channelId, p.messageId, p.guildId)}）`;

export const memberRefusals: MemberRefusalWords = {
  member_active_limit: ({ active, limit }) =>
    `このサーバーで待機中または作成中の${requests(active)}があり、同時に${number(limit)}件までが上限です。` +
    'どれかが終わるのを待つか、待機中のものを「キャンセル」ボタンで取り消してください。何も請求されていません。',
  duplicate_request: (p) => `少し前に同じ動画をリクエストしています: ${firstRequest(p)}。二重に請求されてはいません。`,
  member_cooldown: ({ until, failures }) =>
    `1時間以内にあなたの${requests(failures)}が動画サービスに拒否されたか作成できなかったため、このサーバーでの新しいリクエストは${relative(until)}まで待機になります。何も請求されていません。`,
  withdraw_not_allowed: ({ id }) => `動画 #${number(id)} をキャンセルできるのは、リクエストしたメンバーか「メッセージの管理」権限を持つ人だけです。`,
  withdraw_too_late: ({ id, sent }) =>
    sent
      ? `動画 #${number(id)} はすでに動画サービスに送られており、始まった動画は止められません。何もキャンセルされていません。`
      : `動画 #${number(id)} はもう待機中ではありません。何もキャンセルされていません。`,
  withdraw_already: ({ id, by }) => (by === null ? `動画 #${number(id)} はすでにキャンセルされています。` : `動画 #${number(id)} はすでに${userMention(by)}がキャンセルしました。`),
  invalid_member_limit: ({ min, max }) => `メンバーごとの上限は${number(min)}（上限なし）から${number(max)}までの整数で指定してください。`,
};

export const memberWords = {
  'members.cancel': () => 'キャンセル',
  'members.cancelledNote': (p) => `送信される前に${userMention(p.by)}がキャンセルしました。クレジットは返却されました。`,
  'members.waitingHeading': (p) => `待機中（${number(p.count)}）`,
  'members.recentHeading': () => '最近',
  'members.waitingEntry': (p) => (p.place === null ? `**#${number(p.id)}** 順番待ち` : `**#${number(p.id)}** 待機中 · ${number(p.place)}番目`),
  'members.field.activeLimit': () => 'メンバーごとの同時リクエスト',
  'members.activeLimit': (p) => `${p.limit === 0 ? '上限なし' : `最大${number(p.limit)}件`}${p.setHere ? '' : '（ボットの既定値）'}`,
  'members.field.waiting': () => 'このサーバーで待機中',
  'members.waiting': (p) => requests(p.count),
  'members.field.cooldowns': () => '待機期間中のメンバー',
  'members.cooldown': (p) => `${userMention(p.userId)}: ${relative(p.until)}まで`,
  'members.activeLimitSet': (p) =>
    p.limit === 0
      ? 'このサーバーでは、メンバーは待機中・作成中のリクエストをいくつでも持てるようになりました。'
      : `このサーバーでは、各メンバーが同時に待機中・作成中にできるのは最大${requests(p.limit)}になりました。`,
  'members.cooldownCleared': (p) =>
    p.until === null
      ? `${userMention(p.userId)}は待機期間中ではありませんでした。これまでの失敗はもう数えられません。`
      : `${userMention(p.userId)}の待機期間（${relative(p.until)}まで）を解除しました。これまでの失敗はもう数えられません。`,
  'admin.memberLimit.description': () => '各メンバーが同時に待機中・作成中にできるリクエストの数',
  'admin.memberLimit.amount': () => 'メンバーごとの同時リクエスト数。0 = 上限なし',
  'admin.cooldownClear.description': () => '動画サービスに拒否されたメンバーの待機期間を解除します',
  'admin.cooldownClear.member': () => '待機期間を今終えるメンバー',
} satisfies Words<typeof english>;
