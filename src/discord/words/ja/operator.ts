import type { Period } from '../../../domain/quota/periods.js';
import type { operatorWords as english } from '../en/operator.js';
import type { Words } from '../words.js';
import { credits, number, perPeriod, relative, thisPeriod } from './format.js';
import { serverNames } from '../serverName.js';

/** サーバー名はその管理者が書いたテキスト：書式にせずそのまま、短くして表示します。 */
const serverName = serverNames('サーバー');
const limit = (amount: number | null, period: Period) => (amount === null ? '無制限' : perPeriod(amount, period));

/** /veo-operator が運営者に見せる内容と、ボットが運営者に DM で伝える内容。 */
export const operatorWords = {
  'operator.description': () => 'すべてのサーバーを管理します：上限、全体予算、利用許可、一時停止',
  'operator.servers.description': () => 'ボットが参加しているすべてのサーバーと、その予算・上限・使用量を表示します',
  'operator.servers.page': () => 'ページ番号（1ページに10サーバー）',
  'operator.ceiling.description': () => 'サーバーの管理者が予算として設定できる上限を決めます',
  'operator.ceiling.amount': () => '期間あたりのクレジット。0にするとそのサーバーは何も使えません',
  'operator.ceiling.unlimited': () => '上限なし：管理者は自由に予算を設定できます',
  'operator.ceiling.period': () => '上限の期間（既定：現在の期間）',
  'operator.server': () => '対象のサーバー（名前を入力して検索するか、IDを貼り付けます）',
  'operator.global.description': () => 'すべてのサーバーの合計で使える上限を決めます',
  'operator.global.amount': () => 'すべてのサーバー合計の期間あたりのクレジット',
  'operator.global.unlimited': () => '全体予算なし',
  'operator.global.period': () => '予算の期間（既定：現在の期間）',
  'operator.allow.description': () => 'サーバーにボットの利用を許可します',
  'operator.deny.description': () => 'サーバーでのボットの利用を止めます',
  'operator.pause.description': () => 'すべてのサーバーで新しい動画を止めます（作成中の動画は完成します）',
  'operator.resume.description': () => '新しい動画を再び許可し、アカウント残高切れの後の順番待ちを再試行します',
  'operator.usage.description': () => 'この期間の使用量をサーバーごとと合計で表示します',

  'operator.ceiling.set': (p) =>
    p.ceiling === null
      ? `${serverName(p.name, p.guildId)} の上限をなくしました。管理者は自由に予算を設定できます。`
      : `${serverName(p.name, p.guildId)} は、管理者がどんな予算を設定しても、今後は${perPeriod(p.ceiling, p.period)}までしか使えません。`,
  'operator.global.set': (p) =>
    p.budget === null
      ? '全体予算をなくしました。各サーバーを制限するのは、それぞれの予算と上限だけです。'
      : `すべてのサーバーの合計で、今後は${perPeriod(p.budget, p.period)}まで使えます。`,
  'operator.access.set': (p) =>
    p.changed
      ? `${serverName(p.name, p.guildId)} ${p.allowed ? 'でボットを使えるようにしました' : 'ではボットを使えないようにしました'}。`
      : `${serverName(p.name, p.guildId)} ${p.allowed ? 'では以前からボットを使えます' : 'では以前からボットを使えません'}。変更はありません。`,
  'operator.pause.done': () =>
    'すべてのサーバーで新しい動画を一時停止しました。作成中の動画はそのまま完成します。/veo-operator resume で再び新しい動画を許可できます。',
  'operator.pause.already': () => '新しい動画はすでにすべてのサーバーで一時停止中です。変更はありません。',
  'operator.resume.done': (p) =>
    !p.wasPaused && !p.wasEmpty && !p.wasUnknownPaused
      ? 'あなたによる一時停止も、アカウント残高切れによる停止もありませんでした。各サーバー自身の一時停止は、そのサーバーの管理者が解除します。'
      : [
          p.wasPaused ? 'すべてのサーバーで新しい動画を再び許可しました。' : '',
          p.wasEmpty ? '順番待ちのリクエストを今から再試行します。アカウントの残高がまだなければ、再び待機します。' : '',
          p.wasUnknownPaused ? 'APIキーでの送信を再開しました。結果不明の回数は0から数え直します。' : '',
          '管理者自身が一時停止したサーバーは、一時停止のままです。',
        ]
          .filter((line) => line !== '')
          .join(''),

  'operator.servers.title': (p) => `サーバー：${number(p.count)}（${number(p.pages)}ページ中${number(p.page)}ページ目）`,
  'operator.servers.line': (p) =>
    `**${serverName(p.name, p.guildId)}** (${p.guildId})${p.allowed ? '' : ' · **利用不可**'}${p.paused ? ' · 一時停止中' : ''}\n` +
    `予算 ${limit(p.budget, p.period)} · 上限 ${limit(p.ceiling, p.ceilingPeriod)} · ${thisPeriod(p.period)}の使用量 ${credits(p.used)} · ` +
    (p.lastActivity === null ? '動画はまだありません' : `最後の動画 ${relative(p.lastActivity)}`),
  'operator.servers.none': () => 'ボットはどのサーバーにも参加していません。',
  'operator.servers.state': (p) =>
    [
      p.paused ? '新しい動画はすべてのサーバーで**一時停止中**です。' : '',
      p.accountEmpty ? '動画アカウントの残高が**ありません**。リクエストは順番待ちで待機しています。' : '',
      p.unknownPaused ? '結果不明が続いたため、APIキーでの送信を**一時停止中**です。/veo-operator resume で再開します。' : '',
    ]
      .filter((line) => line !== '')
      .join(''),

  'operator.usage.title': (p) => `すべてのサーバーが${thisPeriod(p.period)}使った動画クレジット`,
  'operator.usage.total': (p) =>
    (p.budget === null
      ? `**${credits(p.total)}** が請求されました。全体予算はありません。`
      : `全体予算${credits(p.budget)}のうち **${credits(p.total)}** が請求されました。`) + `期間は${relative(p.resetsAt)}にリセットされます。`,
  'operator.usage.field.refunded': () => '返還',
  'operator.usage.field.generations': () => '生成数',
  'operator.usage.field.releases': () => '失敗（請求なしで解放）',
  'operator.usage.field.unknowns': () => '結果不明（メンバーには請求なし）',
  'operator.usage.unknowns': (p) => `${number(p.count)}件、最大${credits(p.credits)}`,
  'operator.usage.field.servers': () => 'サーバーごと',
  'operator.usage.server': (p) =>
    `${p.rank}. ${serverName(p.name, p.guildId)}: ${credits(p.charged)}${p.refunded > 0 ? `（${number(p.refunded)}返還）` : ''}`,
  'operator.usage.nobody': () => 'この期間にクレジットを使ったサーバーはありません。',
  'operator.usage.footer': (p) => `動画サービスが請求した量を数えています。管理者による調整は含みません · ${p.periodKey}`,

  'operator.accountEmptyDm': (p) =>
    'ボットの動画の料金を支払う nanophoto アカウントのクレジットがなくなりました' +
    (p.requiredCredits === null ? '。' : `（最後のリクエストには${credits(p.requiredCredits)}が必要でした）。`) +
    `待機中のリクエストには合計${credits(p.waitingCredits)}が必要です。` +
    'クレジットが補充されるまで、どのサーバーにも動画は送られません。リクエストは順番待ちで待機し、メンバーにはその理由が表示されます。' +
    'アカウントにチャージしてから /veo-operator resume を実行してください。実行しなくても、ボットが一定の間隔で自動的にリクエストを1件ずつ再試行します。',
  'operator.unknownOutcomesDm': (p) =>
    `nanophoto APIキーでの送信を一時停止しました。直近${number(p.count)}件の動画リクエストが続けて明確な応答を得られませんでした` +
    '（タイムアウト、接続の切断、またはボットが読めない応答）。サービス側では請求されている可能性があり、上限とグローバル予算にはこれを数えます。メンバーには請求しません。' +
    'リクエストは順番待ちで待機します。動画サービスを確認してから /veo-operator resume を実行してください。',
} satisfies Words<typeof english>;
