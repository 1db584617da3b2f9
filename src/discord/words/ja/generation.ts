import { channelMention, hyperlink, userMention } from 'discord.js';
import type { FailureCode, GenerationState } from '../../../domain/generation.js';
import type { generation as english } from '../en/generation.js';
import type { Words } from '../words.js';
import { costText, type CostWords } from '../costText.js';
import { serverKeyRefusals } from './serverKeys.js';
import { turnsFailures } from './turns.js';
import { credits, duration, number } from './format.js';

const costWords: CostWords = {
  reserved: credits,
  notCharged: (n) => `${credits(n)}（請求なし）`,
  charged: credits,
  refunded: (n) => `${credits(n)}（返還済み）`,
  partlyRefunded: (net, refunded) => `${credits(net)}（${number(refunded)}返還済み）`,
};

const GIVEN_BACK = 'クレジットは返還されました。';

const failures: Record<FailureCode, string> = {
  LOGIN_REQUIRED: `動画サービスがボットの API キーを拒否しました。ボットの運営者に NANOPHOTO_API_KEY の確認を依頼してください。${GIVEN_BACK}`,
  API_KEY_RATE_LIMIT_EXCEEDED: `ボットが動画サービスの1時間あたりのリクエスト上限に達しました。数分後にもう一度お試しください。${GIVEN_BACK}`,
  INSUFFICIENT_CREDITS: `ボットの動画サービスのアカウントのクレジットが不足しています。ボットの運営者にチャージを依頼してください。${GIVEN_BACK}`,
  SHOTS_REQUIRED: `動画サービスがリクエストにショットを見つけられませんでした。プロンプトを書いてください（|| で区切って最大21ショット）。${GIVEN_BACK}`,
  PROMPT_REQUIRED: `プロンプトのないショットがありました。区切り || の間が空になっていないか確認してください。${GIVEN_BACK}`,
  INVALID_IMAGE_COUNT: `このモードには画像の枚数が合いません。frames は1～2枚、reference は1～3枚、text は0枚です。${GIVEN_BACK}`,
  IMAGE_URLS_REQUIRED: `動画サービスが添付画像を使えませんでした。PNG・JPEG・WebP ファイルとしてもう一度添付してください。${GIVEN_BACK}`,
  GENERATION_FAILED: `動画サービスがこの動画を作れませんでした。もう一度試すか、プロンプトや画像を変えてください。${GIVEN_BACK}`,
  TASK_IDS_REQUIRED: `ボットがこの動画について動画サービスに誤った問い合わせをしました。ボットの運営者にお知らせください。${GIVEN_BACK}`,
  TASK_NOT_FOUND: '動画サービスがこの動画を見つけられなくなりました。未完成のショットのクレジットは返還されました。もう一度始めてください。',
  INTERNAL_ERROR: `動画サービスで内部エラーが発生しました。数分後にもう一度お試しください。${GIVEN_BACK}`,
  UNKNOWN: `動画サービスがリクエストを拒否しました。しばらくしてからお試しください。繰り返し起きる場合はボットの運営者にお知らせください。${GIVEN_BACK}`,
  OUTCOME_UNKNOWN:
    '動画サービスから時間内に応答がなかったため、この動画が開始されたか確認できません。二重に送信しないよう中止しました。クレジットは返還されました。もう一度お試しください。',
  TRANSPORT_TIMEOUT: `動画サービスに接続できませんでした。数分後にもう一度お試しください。${GIVEN_BACK}`,
  TRANSPORT_NETWORK: `動画サービスに接続できませんでした。数分後にもう一度お試しください。${GIVEN_BACK}`,
  TRANSPORT_MALFORMED: `動画サービスからボットが読めない応答が返りました。数分後にもう一度お試しください。${GIVEN_BACK}`,
  INTERNAL: `ボット側で問題が発生しました。${GIVEN_BACK}`,
  QUEUE_TIMEOUT:
    '動画サービスの混雑が長く続き、順番が来る前に画像のリンクの有効期限が切れてしまうため、このリクエストは取り消されました。クレジットは返還されました。しばらくしてからお試しください。',
  discord_unavailable: 'Discord が時間内に返信を受け付けなかったため、動画サービスには何も送信していません。クレジットは返還されました。',
  timeout: '動画サービスの処理が時間内に終わりませんでした。未完成のショットのクレジットは返還されました。',
  NO_VIDEO_URL: '動画サービスはこの動画を完成させましたが、リンクを返しませんでした。クレジットは返還されました。もう一度お試しください。',
  ...turnsFailures,
  CANCELLED: '動画サービスに送られる前にキャンセルされました。クレジットは返却されました。',
  APPROVAL_DENIED: "何かが作られる前に、モデレーターがこのリクエストを却下しました。クレジットは返還されました。",
  APPROVAL_EXPIRED: "期限内にモデレーターが判断しなかったため、このリクエストは取り下げられました。クレジットは返還されました。後でもう一度お試しください。",
  APPROVAL_UNAVAILABLE: "このサーバーの承認チャンネルが存在しないか、ボットが投稿できないため、モデレーターがこのリクエストを確認できませんでした。クレジットは返還されました。サーバーの管理者に伝えてください。",
  APPROVAL_IMAGES_EXPIRED: "モデレーターがこのリクエストを承認しましたが、その時点で画像のリンクの有効期限が切れていました。クレジットは返還されました。画像をアップロードし直して、もう一度リクエストしてください。",
  KEY_REMOVED: 'この動画の作成に使われていた API キーをボットの運営者が削除したため、ボットは進み具合を確認できなくなりました。クレジットは返還されました。',
  SERVER_KEY_REFUSED: "このサーバーでの動画作成は一時停止中です。費用を支払うアカウントを nanophoto が受け付けなくなりました。サーバーの管理者には通知済みです。料金は発生しておらず、クレジットは返還されました。",
  SERVER_KEY_REMOVED: "あなたの動画が送信される前に、このサーバーは自身の nanophoto アカウントでの支払いをやめたため、送信されませんでした。料金は発生しておらず、クレジットは返還されました。",
  // Approved after its server's key changed: the sentence a new request meets, its credits given back.
  SERVER_KEY_REQUIRED: `${serverKeyRefusals.server_key_required({})}${GIVEN_BACK}`,
  SERVER_KEY_LOCKED: `${serverKeyRefusals.server_key_locked({})}${GIVEN_BACK}`,
};

const titles: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ モデレーターの承認待ち",
  queued: '⏳ 順番待ち：動画サービスが混雑しています',
  submitting: '📨 動画を送信しています…',
  running: '🎬 動画を生成しています…',
  completed: '✅ 動画ができました',
  partial: '⚠️ 動画の一部ができました',
  failed: '❌ 動画を作れませんでした',
};

const stateLabels: Record<GenerationState, string> = {
  awaiting_approval: "🛡️ 承認待ち",
  queued: '⏳ 順番待ち',
  submitting: '📨 送信中',
  running: '🎬 生成中',
  completed: '✅ 完了',
  partial: '⚠️ 一部完了',
  failed: '❌ 失敗',
};

const pingLeads: Record<GenerationState, string> = {
  awaiting_approval: "リクエストされた動画の最新情報です：",
  queued: 'リクエストされた動画の最新情報です：',
  submitting: 'リクエストされた動画の最新情報です：',
  running: 'リクエストされた動画の最新情報です：',
  completed: 'リクエストされた動画ができました：',
  partial: 'リクエストされた動画のうち、作れた部分です：',
  failed: 'リクエストされた動画は作れませんでした：',
};

export const generation = {
  'generation.title': (p) => titles[p.state],
  'generation.stateLabel': (p) => stateLabels[p.state],
  'generation.pingLead': (p) => `${userMention(p.userId)} さん、${pingLeads[p.state]}`,
  'generation.dmLead': (p) => `${channelMention(p.channelId)} に投稿できなかったため、こちらでお知らせします：`,
  'generation.failure': (p) => failures[p.code],
  'generation.accountEmpty': () =>
    'ボットの動画アカウントのクレジットがなくなったため、リクエストは順番待ちになっています。ボットの運営者がチャージすると開始されます。クレジットは請求されていません。',
  'generation.partialShots': (p) => `${number(p.total)}ショット中${number(p.failed)}ショットを作れませんでした。そのクレジットは返還されました。`,
  'generation.reason': (p) => `**${p.failed ? '理由' : '補足'}：** ${p.text}`,
  'generation.mode': (p) => p.mode,
  'generation.cost': (p) => costText(p, costWords),
  'generation.shotsDone': (p) => `${number(p.total)}中${number(p.done)}完了`,
  'generation.duration': (p) => duration(p.seconds),
  'generation.footer': (p) => `生成 #${p.id} · /veo status id:${p.id}`,
  'generation.field.mode': () => 'モード',
  'generation.field.aspect': () => 'アスペクト比',
  'generation.field.resolution': () => '解像度',
  'generation.field.cost': () => '費用',
  'generation.field.shots': () => 'ショット',
  'generation.field.started': () => '開始',
  'generation.field.queuePosition': () => '待ち順',
  'generation.field.expectedStart': () => '開始予定',
  'generation.field.expected': () => '完了予定',
  'generation.field.generationTime': () => '生成時間',

  'status.title': () => 'あなたの動画',
  'status.empty': () => 'このサーバーではまだ動画を作っていません。`/veo prompt` を試してみてください。',
  'status.videoLink': (p) => `${hyperlink('動画', p.url)}${p.more > 0 ? ` +${p.more}` : ''}`,
  'generation.hostedNote': () => 'この動画は動画サービス上にあり、期限切れになることがあります。残すにはダウンロードしてください。',
  // One shot is named alone rather than as the range 1–1; Japanese has no plural to agree with.
  'generation.shotsAttached': (p) => `${p.attached === 1 ? 'ショット1' : `ショット1–${number(p.attached)}`}を添付しました。残りの${number(p.total - p.attached)}本は1つのメッセージに収まらないため、動画サービスのリンクです（期限切れになることがあります）。`,
  'generation.source': (p) => (p.shot === null ? 'ソース' : `ソース ${number(p.shot)}`),
  'generation.sourceLine': (p) => `**ソース：** ${p.url}`,
  'generation.linksLeftOut': (p) => `${number(p.count)}件のリンクはDiscordのメッセージには長すぎます。`,
  'status.videoDetails': (p) => `動画：/veo status id:${p.id}`,
  'status.footer': () => '詳細：/veo status id:<番号>',
} satisfies Words<typeof english>;
