import { inlineCode, roleMention } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { creditWords as english } from '../en/credits.js';
import type { Words } from '../words.js';
import { credits, dateTime, limitText, relative, thisPeriod } from './format.js';

const periodBudget: Record<Period, string> = { day: '1日の予算', week: '1週間の予算', month: '1か月の予算' };

export const creditWords = {
  'credits.amount': (p) => credits(p.credits),
  'credits.priceList': (p) =>
    p.prices.map(({ resolution, perShot }, i) => `${resolution}: ${i === 0 ? `1ショット${perShot}クレジット` : perShot}`).join(p.separator),

  'confirm.title': (p) => `${credits(p.cost)}でこの動画を作りますか？`,
  'confirm.field.cost': () => '費用',
  'confirm.field.leftAfter': () => '作成後の残り',
  'confirm.field.video': () => '動画',
  'confirm.leftAfter': (p) => limitText(p.remaining),
  'confirm.video': (p) => `${p.shots} × ${p.shotSeconds}秒 · ${p.resolution} · ${p.aspect}`,
  'confirm.footer': () => '確認するまでクレジットは確保されません。',
  'confirm.make': (p) => `作成する（${credits(p.cost)}）`,
  'confirm.cancel': () => 'キャンセル',
  'confirm.expires': (p) => `この確認は${relative(p.at)}に期限切れになります。`,
  'confirm.shot': (p) => `**${p.shot}.** ${p.prompt}`,
  'confirm.ended': (p) =>
    ({
      confirmed: 'この確認にはすでに回答済みです。下の返信をご覧ください。',
      cancelled: 'このリクエストはすでにキャンセルされているため、クレジットは使われていません。',
      expired: `この確認は期限切れになったため、何も確保されていません。${p.command === 'prompt' || p.command === 'story' ? `もう一度 ${inlineCode(`/veo ${p.command}`)} を実行してください。` : `動画の「${p.command === 'again' ? 'もう一度' : p.command === 'extend' ? '延長' : 'リミックス'}」ボタンをもう一度押してください。`}`,
    })[p.outcome],
  'confirm.closed': () =>
    `この確認はもう受け付けていません（ボットが再起動した可能性があります）。確定済みの場合、動画は ${inlineCode('/veo status')} で確認できます。` +
    `そうでない場合は、もう一度 ${inlineCode('/veo prompt')} または ${inlineCode('/veo story')} を実行してください。`,
  'confirm.replaced': () => 'その後に新しい確認が作成されたため、この確認は閉じられました。何も確保されていません。新しい方の確認に回答してください。',
  'confirm.cancelled': () => 'キャンセルしました。クレジットは使われていません。',
  'confirm.answered': () => '回答済みです。下の返信をご覧ください。',

  'credits.reservedNote': (p) =>
    `この動画には${credits(p.cost)}かかります。` +
    (p.available === null
      ? 'ここでは使えるクレジットに上限はありません。'
      : `${thisPeriod(p.period)}はあと${credits(p.available)}使えます。${relative(p.resetsAt)}にリセットされます。`),

  'credits.title': () => 'クレジット',
  'credits.state': (p) =>
    p.operatorPaused
      ? 'ボットの運営者がすべてのサーバーで動画生成を**一時停止**しています。'
      : !p.enabled
      ? '管理者が予算を設定するまで、このサーバーでは動画生成がオフになっています。'
      : p.paused
        ? '管理者が動画生成を**一時停止**しています。'
        : p.available === null
          ? `${thisPeriod(p.period)}は**上限なく**使えます。`
          : `${thisPeriod(p.period)}はあと **${credits(p.available)}** 使えます。`,
  'credits.resets': (p) => `${periodBudget[p.period]}は${relative(p.resetsAt)}（${dateTime(p.resetsAt)}）にリセットされます。`,
  'credits.field.serverBudget': () => 'サーバーの予算',
  'credits.field.serverUsed': () => 'サーバーの使用量',
  'credits.field.serverLeft': () => 'サーバーの残り',
  'credits.field.ceiling': () => '運営者の上限',
  'credits.field.global': () => '全サーバー',
  'credits.operatorLimit': (p) =>
    `${thisPeriod(p.period)}は${credits(p.amount)}のうち残り${credits(p.remaining)}、${relative(p.resetsAt)}にリセット`,
  'credits.field.yourCap': () => 'あなたの上限',
  'credits.field.youUsed': () => 'あなたの使用量',
  'credits.field.youLeft': () => 'あなたの残り',
  'credits.unlimited': () => '無制限',
  'credits.limit': (p) => limitText(p.remaining),
  'credits.cap': (p) => {
    if (p.cap === null) return '上限なし';
    const source = { override: 'あなた個別の設定', role: `${roleMention(p.roleId ?? '0')} から`, default: 'サーバーの既定値', none: '上限なし' }[p.source];
    return `${credits(p.cap)}（${source}）`;
  },
  'credits.footer': (p) => `${p.priceList} · ${credits(p.confirmFrom)}以上のリクエストは確認が必要です`,
} satisfies Words<typeof english>;
