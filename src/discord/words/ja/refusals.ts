import { userMention } from 'discord.js';
import type { AmountField } from '../../../domain/errors.js';
import { fileName } from '../fileName.js';
import type { RefusalWords } from '../refusalMessages.js';
import type { serverKeyRefusals } from './serverKeys.js';
import { credits, megabytes, number, perPeriod, relative, thisPeriod } from './format.js';

const amountNames: Record<AmountField, string> = {
  budget: '予算',
  member_cap: 'メンバーの上限',
  role_allowance: 'ロールの割り当て',
  adjustment: '調整量',
  confirm_threshold: '確認のしきい値',
  ceiling: '運営者の上限',
  global_budget: '全体予算',
};

export const refusals = {
  not_in_server: () => 'このコマンドはダイレクトメッセージではなく、サーバーのチャンネルで使ってください。',
  not_admin: () => '動画クレジットを変更できるのは「サーバー管理」権限を持つメンバーだけです。',
  not_operator: () => 'このコマンドを使えるのはボットの運営者（Discord アプリケーションのオーナー）だけです。',
  guild_not_enabled: () => 'このサーバーではこのボットが有効になっていません。どのサーバーで使えるかは運営者が決めます。クレジットは請求されていません。',

  bad_option: ({ option, value, allowed }) => `${option} の値「${value.slice(0, 20)}」は使えません。${allowed.join('、')} から選んでください。`,
  empty_prompt: () => 'プロンプトを入力してください。作りたい動画の内容を書きます。',
  prompt_too_long: ({ length, max }) => `プロンプトが${number(length)}文字あります。上限は${number(max)}文字です。`,
  prompt_control_chars: () => 'プロンプトに目に見えない制御文字が含まれています。削除してからもう一度お試しください。',
  empty_shot: ({ separator }) => `空のショットがあります。各「${separator}」の間にテキストを書いてください。`,
  shot_too_long: ({ shot, max }) => `ショット${shot}が${number(max)}文字を超えています。短くしてください。`,
  too_many_shots: ({ count, max }) => `1本の動画のショットは最大${max}個です。このリクエストには${number(count)}個あります。`,
  single_shot_resolution: ({ resolution, separator }) =>
    `${resolution} は8秒のショット1つだけを作ります。区切り「${separator}」を削除するか、720p を選んでください。`,
  frames_multi_shot: ({ separator }) =>
    `最初と最後のフレームはショット1つでのみ使えます。区切り「${separator}」を削除するか、モード reference を使ってください。`,
  frames_slots: () => 'モード frames では、最初のフレームを「image」に、省略可能な最後のフレームを「image2」に添付します。',
  not_an_image: ({ name }) => `「${fileName(name)}」は PNG・JPEG・WebP の画像ではありません。`,
  image_too_large: ({ name, bytes, maxBytes }) =>
    `「${fileName(name)}」は${megabytes(bytes)} MB です。画像は${number(maxBytes / 1024 / 1024)} MB までです。`,
  image_not_public: ({ name }) => `「${fileName(name)}」には動画サービスが読める公開リンクがありません。もう一度添付してください。`,
  images_with_text_mode: () => 'モード text では画像を使いません。画像を外すか、モード frames か reference を選んでください。',
  too_few_images: ({ mode }) =>
    mode === 'frames'
      ? 'モード frames には「image」に最初のフレームの画像が必要です（最後のフレームは省略可能）。'
      : 'モード reference には参照画像が1～3枚必要です。',
  too_many_images: ({ mode, count, max }) => `モード ${mode} で使える画像は最大${max}枚です。${number(count)}枚添付されています。`,

  quota_disabled: () =>
    'このサーバーではまだ動画生成が有効になっていません（予算が0クレジットです）。サーバーの管理者が予算を設定すると有効になります。',
  operator_paused: () => 'ボットの運営者が、現在すべてのサーバーで新しい動画を一時停止しています。後でもう一度お試しください。クレジットは使われていません。',
  quota_ceiling_spent: ({ ceiling, used, cost, period, resetsAt }) =>
    ceiling === 0
      ? 'ボットの運営者はこのサーバーに動画クレジットを割り当てていません。クレジットは請求されていません。'
      : used >= ceiling
        ? `このサーバーは、ボットの運営者が認める上限まで使い切りました（${thisPeriod(period)}は${credits(ceiling)}中${number(used)}を使用）。${relative(resetsAt)}にリセットされます。`
        : `この動画には${credits(cost)}かかりますが、ボットの運営者がこのサーバーに認める${credits(ceiling)}のうち${thisPeriod(period)}の残りは${number(ceiling - used)}だけです。` +
          `短い動画や低い解像度なら収まるかもしれません。${relative(resetsAt)}にリセットされます。`,
  quota_global_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `ボットの全サーバー向けの動画予算を使い切りました（${thisPeriod(period)}は${credits(budget)}中${number(used)}を使用）。${relative(resetsAt)}にリセットされます。`
      : `この動画には${credits(cost)}かかりますが、ボットの全サーバー向けの${credits(budget)}のうち${thisPeriod(period)}の残りは${number(budget - used)}だけです。` +
        `短い動画や低い解像度なら収まるかもしれません。${relative(resetsAt)}にリセットされます。`,
  quota_paused: () => 'このサーバーの管理者が動画生成を一時停止しています。再開を依頼してください。クレジットは使われていません。',
  quota_budget_spent: ({ budget, used, cost, period, resetsAt }) =>
    used >= budget
      ? `このサーバーの動画予算を使い切りました（${thisPeriod(period)}は${credits(budget)}中${number(used)}を使用）。予算は${relative(resetsAt)}にリセットされます。`
      : `この動画には${credits(cost)}かかりますが、このサーバーの${credits(budget)}のうち${thisPeriod(period)}の残りは${number(budget - used)}だけです。` +
        `短い動画や低い解像度なら収まるかもしれません。予算は${relative(resetsAt)}にリセットされます。`,
  quota_member_cap: ({ cap, used, cost, period, resetsAt }) =>
    cap === 0
      ? 'このサーバーでは動画の割り当てがありません。必要だと思う場合はサーバーの管理者に相談してください。'
      : `${thisPeriod(period)}のあなたの上限は${credits(cap)}で、すでに${number(used)}を使っています。この動画には${number(cost)}かかります。` +
        `上限は${relative(resetsAt)}にリセットされます。`,

  invalid_amount: ({ field, min, max }) => `${amountNames[field]}は${number(min)}～${number(max)}の整数のクレジットで指定してください。`,
  invalid_period: ({ allowed }) => `期間は ${allowed.join('、')} のいずれかにしてください。`,
  invalid_reason: ({ max }) => `理由を1～${max}文字で入力してください。クレジット履歴に記録されます。`,
  give_back_over_used: ({ userId, used, period }) =>
    `${userMention(userId)} が${thisPeriod(period)}使ったのは${credits(used)}なので、返せるのは最大${number(Math.max(0, used))}です。`,
  budget_amount_and_unlimited: () => '量か unlimited のどちらか一方だけを指定してください。',
  budget_over_ceiling: ({ ceiling, period }) =>
    `ボットの運営者がこのサーバーに認めているのは${perPeriod(ceiling, period)}までです。それ以下の予算を設定するか、上限をすべて使うには unlimited を指定してください。`,
  invalid_server: ({ value }) =>
    `「${value.slice(0, 40).replace(/["“”„«»「」『』]/g, "'")}」はサーバー ID ではありません。一覧からサーバーを選ぶか、その ID（17～20桁の数字）を貼り付けてください。`,
  budget_amount_missing: () => 'クレジットの量を指定するか（0で動画生成をオフ）、unlimited を True にしてください。',

  not_your_confirmation: () => 'この動画をリクエストしたメンバーだけが回答できます。',
  generation_not_found: ({ id }) => `このサーバーにはあなたの生成 #${id} がありません。/veo status で自分の生成を確認できます。`,
  story_empty: () => 'ストーリーにショットがありません。1行に1ショットずつ書いてください。',
  story_resolution: ({ resolution, shots }) =>
    `${resolution} は8秒のショット1つだけを作成しますが、このストーリーには${number(shots)}個のショットがあります。720p を選ぶか、1行だけにしてください。`,
  result_unknown: ({ id }) => `動画 #${id} はボットに存在しないため、何も行わず、クレジットも請求していません。`,
  result_other_server: ({ id }) => `動画 #${id} は別のサーバーで作成されたため、そのボタンはそのサーバーでのみ使えます。クレジットは請求していません。`,
  result_other_message: ({ id }) => `このボタンは動画 #${id} 自身のメッセージでのみ使えるため、何も行わず、クレジットも請求していません。`,
  result_removed: ({ id }) => `動画 #${id} は削除済みのため、何も行わず、クレジットも請求していません。`,
  result_remove_not_allowed: ({ id }) =>
    `動画 #${id} を削除できるのは、リクエストしたメンバーか「メッセージの管理」権限を持つ人だけです。何も変更していません。`,
  result_images_expired: ({ id }) =>
    `動画 #${id} の画像の有効期限が切れたため、同じ内容では作り直せません。リミックスで新しい画像をアップロードするか、新しいプロンプトで始めてください。クレジットは請求していません。`,
  remix_images_expired: ({ id }) =>
    `動画 #${id} の元の画像の有効期限が切れています。もう一度リミックスを開いて新しい画像をアップロードするか、新しいプロンプトで始めてください。クレジットは請求していません。`,
} satisfies Omit<RefusalWords, keyof typeof serverKeyRefusals>;
