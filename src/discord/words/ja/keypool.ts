import type { keyPoolWords as english } from '../en/keypool.js';
import type { Words } from '../words.js';
import { credits, number, relative } from './format.js';

/** 運営者のキーのまとまり（NANOPHOTO_API_KEYS）：/veo-operator keys と、1つのキーについての DM。 */
export const keyPoolWords = {
  'operator.keys.description': () => 'ボットの各 API キー：この1時間の残りリクエスト数、残高切れや一時停止の有無',
  'operator.keys.title': (p) => `API キー ${number(p.count)}個`,
  'operator.keys.line': (p) =>
    [
      `\`${p.fingerprint}\`：この1時間の残りリクエスト ${number(p.requestsLeft)}件、作成中の動画 ${number(p.running)}本`,
      p.accountEmpty ? 'アカウントの残高が**ありません**' : 'アカウントにクレジットがあります',
      p.unknownPaused ? '結果不明が続いたため**一時停止中**' : '',
      p.rateLimitedUntil ? `サービスから ${relative(p.rateLimitedUntil)} まで待つよう求められています` : '',
    ]
      .filter((part) => part !== '')
      .join('、') + '。',
  'operator.keys.footer': () => 'キーはフィンガープリントでのみ表示されます。/veo-operator resume で、残高切れや結果不明で止まっているすべてのキーを再開します。',
  'operator.keys.accountEmptyDm': (p) =>
    `API キー \`${p.keyFingerprint}\` の nanophoto アカウントのクレジットがなくなりました` +
    (p.requiredCredits === null ? '。' : `（最後のリクエストには${credits(p.requiredCredits)}が必要でした）。`) +
    `クレジットが補充されるまで、このキーでは何も送信しません。ほかの ${number(p.otherKeys)}個のキーは引き続き使われ、すべてのキーが止まったときだけメンバーは待つことになります。` +
    `待機中のリクエストには合計${credits(p.waitingCredits)}が必要です。` +
    'アカウントにチャージしてから /veo-operator resume を実行してください。実行しなくても、ボットが一定の間隔でこのキーを自動的に再試行します。',
  'operator.keys.unknownOutcomesDm': (p) =>
    `API キー \`${p.keyFingerprint}\` での送信を一時停止しました。このキーでの直近${number(p.count)}件の動画リクエストが続けて明確な応答を得られませんでした` +
    '（タイムアウト、接続の切断、またはボットが読めない応答）。サービス側では請求されている可能性があり、上限とグローバル予算にはこれを数えます。メンバーには請求しません。' +
    `ほかの ${number(p.otherKeys)}個のキーは引き続き使われます。動画サービスを確認してから /veo-operator resume を実行してください。`,
} satisfies Words<typeof english>;
