import type { videoWords as english } from '../en/video.js';
import type { Words } from '../words.js';
import { number } from './format.js';

/** アップロード上限に収まるコピー、延長と結合。 */
export const videoWords = {
  'video.smallerCopy': (p) =>
    p.parts > 1
      ? `📦 大きな元の動画を小さくしたコピーです（${number(p.parts)}部に分けて順番に添付）。元の動画は「ソース」にあります。`
      : '📦 大きな元の動画を小さくしたコピーです。元の動画は「ソース」にあります。',
  'video.extend': () => '延長',
  'video.join': () => '結合',
  'extend.modal.title': (p) => `動画 #${p.id} を延長`,
  'extend.prompt.label': () => '次の8秒',
  'extend.prompt.description': (p) => `最後のフレームから始まります。アスペクト比は ${p.aspect} のままです。`,
  'extend.frameNote': (p) => `🎞️ 動画 #${p.id} の最後のフレーム。延長はここから始まります。`,
  'join.posted': (p) => `🔗 動画 #${p.original} とその延長 #${p.extension} を結合しました。`,
} satisfies Words<typeof english>;
