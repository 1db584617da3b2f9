import { inlineCode } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { Mode } from '../../../domain/videoRequest.js';
import type { commandWords as english } from '../en/commands.js';
import type { Words } from '../words.js';

const modeChoices: Record<Mode, string> = {
  text: 'text（画像なし）',
  frames: 'frames（最初のフレームと、省略可能な最後のフレーム）',
  reference: 'reference（参照画像1～3枚）',
};

const periodChoices: Record<Period, string> = { day: '日ごと', week: '週ごと', month: '月ごと' };

export const commandWords = {
  'veo.description': () => 'Google Veo 3.1 で短い AI 動画を作ります',
  'veo.prompt.description': () => 'プロンプトから動画を作ります（画像も使えます）',
  'veo.prompt.text': (p) => `動画の内容を書いてください。${p.separator} でショットを区切ると、長い 720p 動画になります。`,
  'veo.prompt.mode': () => '画像の使い方（既定：text、画像を添付した場合は reference）',
  'veo.prompt.modeChoice': (p) => modeChoices[p.mode],
  'veo.prompt.aspect': () => 'アスペクト比（既定は 16:9）',
  'veo.prompt.resolution': (p) => `${p.priceList}（既定は 720p）`,
  'veo.prompt.image': () => '最初のフレーム、または参照画像',
  'veo.prompt.image2': () => '最後のフレーム、または2枚目の参照画像',
  'veo.prompt.image3': () => '3枚目の参照画像',
  'veo.status.description': () => 'このサーバーで作った最近の動画、または1本の詳細',
  'veo.status.id': () => '詳細を見る生成の番号',
  'veo.credits.description': () => 'このサーバーの動画予算と、あなたがあと使える量',

  'admin.description': () => 'このサーバーの動画クレジットを管理します',
  'admin.budget.description': () => 'サーバーの期間ごとのクレジット予算を設定します',
  'admin.budget.amount': () => '期間ごとのクレジット。0 で動画生成をオフにします',
  'admin.budget.unlimited': () => 'サーバー全体の上限なし（メンバーの上限は引き続き適用）',
  'admin.budget.period': () => '予算がリセットされる間隔（UTC、既定：現在の期間）',
  'admin.period': (p) => periodChoices[p.period],
  'admin.memberCap.description': () => 'メンバーの既定の上限、または特定のメンバーの上限を設定します',
  'admin.memberCap.amount': () => '期間ごとのクレジット。省略すると上限を削除します',
  'admin.memberCap.member': () => '既定の上限の代わりに、このメンバー個別の上限を設定します',
  'admin.roleAllowance.description': () => 'ロールを持つメンバーが期間ごとに使える量を設定します',
  'admin.roleAllowance.role': () => '対象のロール',
  'admin.roleAllowance.amount': () => '期間ごとのクレジット。0 で割り当てを削除します',
  'admin.confirmThreshold.description': () => 'この額以上のリクエストでメンバーに確認を求めます',
  'admin.confirmThreshold.amount': () => 'クレジット。0 ならすべてのリクエストで確認します',
  'admin.usage.description': () => '今期の使用量：合計、上位メンバー、失敗と返還',
  'admin.settings.description': () => '現在の予算、上限、割り当て',
  'admin.adjust.description': () => 'メンバーの今期の使用量からクレジットを返す、または差し引きます',
  'admin.adjust.member': () => '対象のメンバー',
  'admin.adjust.credits': () => '正の数で返し、負の数で差し引きます',
  'admin.adjust.reason': () => 'クレジット履歴に記録されます',
  'admin.pause.description': () => 'このサーバーで新しい動画リクエストを停止します',
  'admin.resume.description': () => '動画リクエストを再び受け付けます',

  'error.internal': (p) => `こちら側で問題が発生しました（参照番号 ${inlineCode(p.reference)}）。しばらくしてからもう一度お試しください。`,
} satisfies Words<typeof english>;
