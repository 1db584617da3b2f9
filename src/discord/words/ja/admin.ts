import { roleMention, userMention } from 'discord.js';
import type { adminWords as english } from '../en/admin.js';
import type { Words } from '../words.js';
import { credits, dateTime, number, periodNoun, perPeriod, relative, thisPeriod } from './format.js';

export const adminWords = {
  'usage.title': (p) => `${thisPeriod(p.period)}の動画クレジット使用量`,
  'usage.total': (p) =>
    p.budget === null
      ? `**${credits(p.used)}** を使用しました。サーバーの予算はありません。`
      : `予算${credits(p.budget)}のうち **${credits(p.used)}** を使用しました。残りは${credits(Math.max(0, p.budget - p.used))}です。`,
  'usage.resets': (p) => `${relative(p.resetsAt)}（${dateTime(p.resetsAt)}）にリセットされます。`,
  'usage.field.settled': () => '確定',
  'usage.field.refunded': () => '返還',
  'usage.field.open': () => '確保中',
  'usage.field.adjusted': () => '管理者による調整',
  'usage.field.generations': () => '生成数',
  'usage.field.refunds': () => '返還数',
  'usage.field.releases': () => '失敗（請求なしで解放）',
  'usage.field.top': () => '使用量の多いメンバー',
  'usage.topMember': (p) => `${p.rank}. ${userMention(p.userId)}: ${credits(p.used)}`,
  'usage.nobody': () => 'まだ誰もクレジットを使っていません。',
  'usage.footer': (p) => `使用量 = 確定 − 返還 + 確保中 + 調整 · ${p.periodKey}`,

  'settings.title': () => '動画クレジットの設定',
  'settings.state': (p) =>
    p.operatorPaused
      ? 'ボットの運営者がすべてのサーバーで動画生成を**一時停止**しています。'
      : p.budget === 0
      ? '動画生成は**オフ**です（予算が0クレジットです）。'
      : p.paused
        ? '管理者が動画生成を**一時停止**しています。'
        : '動画生成は**オン**です。',
  'settings.defaults': () => 'このサーバーはボットの既定の設定で動いています。',
  'settings.changed': (p) => `最終変更：${userMention(p.adminId)}（${relative(p.at)}）`,
  'settings.field.budget': () => 'サーバーの予算',
  'settings.field.defaultCap': () => 'メンバーの既定の上限',
  'settings.field.ceiling': () => '運営者の上限',
  'settings.field.global': () => '全サーバー（運営者）',
  'settings.ceiling': (p) => (p.ceiling === null ? 'なし（予算は自由）' : `${perPeriod(p.ceiling, p.period)}まで`),
  'settings.global': (p) =>
    `ボットの全サーバーで${perPeriod(p.budget, p.period)}のうち残り${credits(p.remaining)}、${relative(p.resetsAt)}にリセット`,
  'settings.field.confirmFrom': () => '確認が必要な額',
  'settings.field.roles': () => 'ロールの割り当て',
  'settings.field.members': () => 'メンバー個別の上限',
  'settings.budget': (p) => (p.budget === null ? `無制限（期間：${periodNoun[p.period]}）` : perPeriod(p.budget, p.period)),
  'settings.cap': (p) => (p.cap === null ? '上限なし' : perPeriod(p.cap, p.period)),
  'settings.roleAllowance': (p) => `${roleMention(p.roleId)}: ${perPeriod(p.allowance, p.period)}`,
  'settings.memberCap': (p) => `${userMention(p.userId)}: ${perPeriod(p.cap, p.period)}`,
  'settings.none': () => 'なし',
  'settings.footer': () => 'メンバー個別の上限が最優先です。次にロールの割り当ての最大値、最後に既定の上限が使われます。',

  'budget.unlimited': (p) =>
    `予算を無制限にしました（サーバー全体の上限なし）。メンバーの上限は引き続き${periodNoun[p.period]}ごとに数えます。これまでの使用量は${number(p.used)}、${relative(p.resetsAt)}にリセットされます。`,
  'budget.unlimitedCapped': (p) =>
    `予算を、ボットの運営者がこのサーバーに認める上限（${perPeriod(p.ceiling, p.ceilingPeriod)}）にしました。これまでの使用量は${number(p.used)}、${relative(p.resetsAt)}にリセットされます。`,
  'budget.ceilingBinds': (p) =>
    `ボットの運営者がこのサーバーに認めるのは、引き続き${perPeriod(p.ceiling, p.period)}までです。先に達したほうの上限が適用されます。`,
  'budget.off': () => '予算を0クレジットにしました。このサーバーでは動画生成がオフになります。0より大きい予算を設定すると再びオンになります。',
  'budget.set': (p) => `予算を${perPeriod(p.budget, p.period)}に設定しました。これまでの使用量は${number(p.used)}、${relative(p.resetsAt)}にリセットされます。`,
  'budget.stillPaused': () => '動画生成はまだ一時停止中です。/veo-admin resume で再開できます。',
  'memberCap.defaultRemoved': () => 'メンバーの既定の上限を削除しました。メンバーを制限するのはロールの割り当てとサーバーの予算だけになります。',
  'memberCap.defaultSet': (p) =>
    `メンバーの既定の上限を${perPeriod(p.cap, p.period)}に設定しました。ロールの割り当てとメンバー個別の上限が引き続き優先されます。`,
  'memberCap.noneToRemove': (p) => `${userMention(p.userId)} には個別の上限がありません。変更はありません。`,
  'memberCap.removed': (p) => `${userMention(p.userId)} の個別の上限を削除しました。ロールの割り当てかサーバーの既定値が再び適用されます。`,
  'memberCap.blocked': (p) => `${userMention(p.userId)} の上限を0にしました。変更するまで、このメンバーはこのサーバーで動画を作れません。`,
  'memberCap.set': (p) => `${userMention(p.userId)} の上限を、ロールにかかわらず${perPeriod(p.cap, p.period)}に設定しました。`,
  'roleAllowance.noneToRemove': (p) => `${roleMention(p.roleId)} には割り当てがありません。変更はありません。`,
  'roleAllowance.removed': (p) => `${roleMention(p.roleId)} の割り当てを削除しました。`,
  'roleAllowance.set': (p) =>
    `${roleMention(p.roleId)} を持つメンバーは${perPeriod(p.allowance, p.period)}まで使えるようになりました（メンバーのロールの中で最大の割り当てが適用されます）。`,
  'confirmThreshold.always': () => 'これからはすべての動画リクエストで、クレジットを使う前にメンバーに確認します。',
  'confirmThreshold.set': (p) => `これからは${credits(p.threshold)}以上の動画リクエストで、先にメンバーに確認します。`,
  'adjust.done': (p) =>
    `${p.credits > 0 ? `${userMention(p.userId)} に${credits(p.credits)}を返しました。` : `${userMention(p.userId)} から${credits(-p.credits)}を差し引きました。`}` +
    `この期間の使用量は、このメンバーが${credits(p.memberUsed)}、サーバー全体が${credits(p.serverUsed)}になりました。`,
  'pause.already': () => '動画生成はすでに一時停止中です。変更はありません。',
  'pause.done': () =>
    'このサーバーの動画生成を一時停止しました。/veo-admin resume を実行するまで新しいリクエストはお断りします。作成中の動画はそのまま完成します。',
  'resume.notPaused': () => '動画生成は一時停止していません。変更はありません。',
  'resume.budgetZero': () => '再開しましたが、予算が0クレジットのため、予算を設定するまで動画生成はオフのままです。',
  'resume.done': () => '動画生成を再開しました。メンバーは再び動画を作れます。',
} satisfies Words<typeof english>;
