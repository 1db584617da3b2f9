import { channelMention, hyperlink, roleMention, userMention } from 'discord.js';
import type { ApprovalState } from '../../../domain/generation.js';
import type { LogOutcome } from '../../../domain/moderation/logOutcome.js';
import type { ChannelProblem } from '../../../domain/moderation/moderationPorts.js';
import type { moderationWords as english } from '../en/moderation.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

const approvalTitles: Record<ApprovalState, string> = {
  waiting: '🛡️ 動画リクエストが承認を待っています',
  approved: '✅ 動画リクエストが承認されました',
  denied: '🚫 動画リクエストが却下されました',
  expired: '⌛ 動画リクエストの期限切れ：期限内に誰も判断しませんでした',
  cancelled: '↩️ 動画リクエストはメンバーによりキャンセルされました',
  unreachable: '⚠️ 動画リクエストを取り下げました：このチャンネルを使えませんでした',
};

const outcomes: Record<LogOutcome, string> = {
  completed: '✅ 完成',
  partial: '⚠️ 一部完成',
  failed: '❌ 失敗',
  denied: '🚫 モデレーターが却下',
  expired: '⌛ 承認前に期限切れ',
  cancelled: '↩️ メンバーがキャンセル',
};

const problems: Record<ChannelProblem, string> = {
  channel_gone: 'チャンネルが存在しません',
  no_permission: 'ボットがチャンネルを見られないか、投稿できません（チャンネルを見る・メッセージを送信・埋め込みリンク）',
};

export const moderationWords: Words<typeof english> = {
  'approval.title': (p) => approvalTitles[p.state],
  'approval.lead': (p) => `${userMention(p.userId)} が ${channelMention(p.channelId)} で動画をリクエストしました。`,
  'approval.field.cost': () => '費用',
  'approval.field.video': () => '動画',
  'approval.field.images': () => '画像',
  'approval.field.expires': () => '期限',
  'approval.field.decision': () => '判断',
  'approval.images': (p) => (p.count === 0 ? 'なし' : `${number(p.count)}枚`),
  'approval.decided': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'モデレーター';
    const when = p.at ? `（${relative(p.at)}）` : '';
    switch (p.state) {
      case 'waiting':
        return 'まだ誰も判断していません。';
      case 'approved':
        return `${by} が承認しました${when}。`;
      case 'denied':
        return `${by} が却下しました${when}。`;
      case 'expired':
        return `期限内に誰も判断しなかったため、クレジットを解放しました${when}。`;
      case 'cancelled':
        return `メンバーがキャンセルしました${when}。クレジットは解放されました。`;
      case 'unreachable':
        return 'ボットがここに投稿できなかったため、リクエストを取り下げ、メンバーに伝えました。';
    }
  },
  'approval.reason': (p) => `**理由：** ${p.reason}`,
  'approval.removed': () => 'このリクエストの結果は削除されました。プロンプトと画像はもう表示されません。',
  'approval.footer': (p) => `生成 #${p.id} · 承認が有効な間、メンバーのリクエストはここで待ちます`,
  'approval.approve': () => '承認',
  'approval.deny': () => '却下',
  'approval.denyForm.title': () => 'この動画リクエストを却下',
  'approval.denyForm.reason': () => '理由（任意）',
  'approval.denyForm.placeholder': () => 'メンバーは返信でこれを読みます',

  'approval.reply.waiting': () => 'このリクエストは、作成前にモデレーターの承認が必要です。それまでクレジットは確保されます。',
  'approval.reply.approved': () => 'モデレーターがこのリクエストを承認しました。',
  'approval.reply.reason': (p) => `モデレーターの理由：${p.reason}`,

  'approval.press.notModerator': () =>
    '動画リクエストを承認・却下できるのはモデレーター（承認ロール、「メッセージの管理」または「サーバー管理」を持つメンバー）だけです。',
  'approval.press.own': () => '自分のリクエストは判断できません。ほかのモデレーターが判断する必要があります。',
  'approval.press.unknown': () => 'このボタンに対応する承認待ちのリクエストが見つかりません。',
  'approval.press.ended': (p) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'モデレーター';
    switch (p.state) {
      case 'waiting':
        return 'このリクエストはまだ判断を待っています。';
      case 'approved':
        return `このリクエストはすでに ${by} が承認しました。`;
      case 'denied':
        return `このリクエストはすでに ${by} が却下しました。`;
      case 'expired':
        return 'このリクエストはすでに期限切れです。期限内に誰も判断せず、クレジットは解放されました。';
      case 'cancelled':
        return 'このリクエストはすでにメンバーがキャンセルしました。';
      case 'unreachable':
        return 'このリクエストはすでに取り下げられました。ボットが承認チャンネルに投稿できませんでした。';
    }
  },
  'approval.press.denied': () => '却下しました。メンバーに伝え、クレジットを解放しました。',

  'log.title': (p) => `動画リクエスト：${outcomes[p.outcome]}`,
  'log.lead': (p) => `${userMention(p.userId)}（${channelMention(p.channelId)}）`,
  'log.field.outcome': () => '結果',
  'log.field.cost': () => '請求',
  'log.field.reply': () => '返信',
  'log.reply': (p) => hyperlink('返信を開く', p.url),
  'log.noReply': () => '記録された返信はありません',
  'log.removed': () => 'この結果は削除されました。プロンプトと画像はもう表示されません。',
  'log.footer': (p) => `生成 #${p.id}`,

  'approvalAdmin.on': (p) =>
    `承認が有効になりました。メンバーの動画リクエストは、モデレーター（${p.roleId ? `${roleMention(p.roleId)}、` : ''}「メッセージの管理」または「サーバー管理」）が承認するまで ${channelMention(p.channelId)} で待ちます。その間クレジットは確保されます。`,
  'approvalAdmin.off': () => '承認を無効にしました。新しいリクエストはもう待ちません。すでに待っているリクエストは引き続きモデレーターを待ちます。',
  'approvalAdmin.alreadyOff': () => '承認はすでに無効です。何も変わっていません。',
  'logAdmin.set': (p) => `これからこのサーバーで作られる動画リクエストは、確定したときに ${channelMention(p.channelId)} に記録されます。`,
  'logAdmin.off': () => 'モデレーター用ログを無効にしました。今後は何も投稿されません。',
  'logAdmin.alreadyOff': () => 'ログチャンネルは設定されていませんでした。何も変わっていません。',

  'moderation.field.approval': () => 'モデレーターの承認',
  'moderation.approval': (p) =>
    p.channelId === null ? '無効' : `有効、${channelMention(p.channelId)}${p.roleId ? `、モデレーター：${roleMention(p.roleId)}` : ''}（と「メッセージの管理」）`,
  'moderation.field.log': () => 'モデレーター用ログ',
  'moderation.log': (p) => (p.channelId === null ? '無効' : channelMention(p.channelId)),
  'moderation.field.problems': () => '問題',
  'moderation.problem': (p) =>
    `${p.which === 'approval' ? '承認チャンネル' : 'ログチャンネル'} ${channelMention(p.channelId)}：${problems[p.problem]}。${
      p.which === 'approval' ? '直るまで、待っているリクエストは取り下げられます。' : 'もう一度設定するまで何も記録されません。'
    }`,

  'admin.approval.description': () => 'メンバーの動画リクエストをモデレーターの承認待ちにする',
  'admin.approval.on.description': () => '承認を有効にする：リクエストはチャンネルでモデレーターを待ちます',
  'admin.approval.channel': () => 'モデレーターが承認待ちのリクエストを見るチャンネル',
  'admin.approval.role': () => 'モデレーターのロール（「メッセージの管理」も含みます）',
  'admin.approval.off.description': () => '承認を無効にする：新しいリクエストは待たなくなります',
  'admin.logChannel.description': () => 'モデレーター向けに、すべての動画リクエストを記録する',
  'admin.logChannel.set.description': () => '確定した動画リクエストをすべてチャンネルに記録する',
  'admin.logChannel.channel': () => 'ログチャンネル',
  'admin.logChannel.off.description': () => '動画リクエストの記録をやめる',
};
