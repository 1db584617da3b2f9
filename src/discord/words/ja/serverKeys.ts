import type { RefusalWords } from '../refusalMessages.js';
import { serverNames } from '../serverName.js';
import { number } from './format.js';

const serverName = serverNames('サーバー');
type ServerKeyRefusal = Pick<RefusalWords, Extract<keyof RefusalWords, `server_key${string}`>>;

/** サーバー独自のキーが受け付けられなかった理由、またはそのためにメンバーが動画を始められない理由。 */
export const serverKeyRefusals: ServerKeyRefusal = {
  server_keys_off: () => 'このボットの運営者は、サーバー独自の nanophoto キーの使用を許可していません。ここではボットのキーで支払われます。',
  server_keys_no_secret: () => 'サーバー独自のキーは無効です。ボットの運営者が安全な保管先を設定していません。',
  server_keys_unusable: () => '現在、サーバー独自のキーを読み取ることも保存することもできません。ボットの運営者には通知済みです。後でもう一度お試しください。',
  server_key_malformed: () => 'nanophoto の API キーではないようです。キー全体を空白なしで貼り付けてください。',
  server_key_invalid: () => 'nanophoto はこのキーを受け付けません。nanophoto アカウントからキー全体をコピーしたか確認してください。',
  server_key_operators: () => 'このキーはボット自身のキーの一つです。代わりにサーバー独自のキーを貼り付けてください。',
  server_key_check_unavailable: () => '現在 nanophoto でキーを確認できませんでした。何も保存されていません。後でもう一度お試しください。',
  server_key_none: () => 'このサーバーには削除できる独自のキーがありません。',
  server_key_required: () => 'このサーバーではまだ動画を作成できません。サーバー独自の nanophoto キーが必要で、管理者が追加できます。',
  server_key_locked: () => '現在このサーバーでは動画を作成できません。ボットの運営者には通知済みです。料金は発生していません。',
  server_key_paused: () => 'このサーバーでは動画が一時停止中です。支払いに使われているアカウントを nanophoto が受け付けなくなりました。サーバーの管理者には通知済みです。料金は発生していません。',
};

/** `/veo-admin api-key` コマンドとそのフォーム、設定と運営者に表示されるサーバー独自のキーの情報。 */
export const serverKeyWords = {
  'serverKeys.apiKey.description': () => 'サーバー独自の nanophoto API キー',
  'serverKeys.set.description': () => 'サーバー独自の nanophoto キーを追加（非公開フォーム）。以後ここでの動画はすべてこのキーで支払われます',
  'serverKeys.remove.description': () => 'サーバー独自のキーを削除する',
  'serverKeys.form.title': () => 'サーバーの nanophoto キー',
  'serverKeys.form.label': () => 'API キー',
  'serverKeys.form.description': () => 'nanophoto で確認後、暗号化して保存されます。再表示されることはありません',
  'serverKeys.set.done': (p: { fingerprint: string; replaced: boolean }) =>
    `${p.replaced ? 'サーバーの新しいキーは有効で、古いキーを置き換えました' : 'サーバーのキーは有効です'}。暗号化して保存され、今後は \`${p.fingerprint}\` としてのみ表示されます。このサーバーの動画はすべてこのキーで支払われます。`,
  'serverKeys.remove.done': (p: { required: boolean }) =>
    `サーバーのキーを削除しました。作成中の動画はこのキーで完了します。${p.required ? '新しい動画には新しい独自のキーが必要です。' : '新しい動画はボットのキーで支払われます。'}`,
  'serverKeys.settings.field': () => '独自の nanophoto キー',
  'serverKeys.settings.none': (p: { required: boolean }) => (p.required ? 'なし：このサーバーで動画を作るには必要です。' : 'なし：ボットのキーで支払われます。'),
  'serverKeys.settings.key': (p: { fingerprint: string; requestsLeft: number; accountEmpty: boolean; refused: boolean }) =>
    `設定済み（\`${p.fingerprint}\`）：この1時間の残りリクエスト ${number(p.requestsLeft)} 件。` +
    (p.refused ? 'nanophoto はこのキーを受け付けなくなりました。' : p.accountEmpty ? 'アカウントの残高がありません。' : 'アカウントにクレジットがあります。'),
  'serverKeys.operator.ownKey': () => '独自のキーで支払い',
  'serverKeys.alert.accountEmpty': (p: { name: string | null; guildId: string }) =>
    `${serverName(p.name, p.guildId)} の動画を支払う nanophoto アカウントのクレジットがなくなりました。チャージされるまでメンバーの動画は待機します。`,
  'serverKeys.alert.keyRefused': (p: { name: string | null; guildId: string }) =>
    `${serverName(p.name, p.guildId)} の動画を支払うキーを nanophoto が受け付けなくなりました。メンバーの動画は一時停止中です。管理者は /veo-admin api-key set で有効なキーを追加できます。`,
};
