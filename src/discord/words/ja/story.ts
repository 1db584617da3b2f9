import type { storyWords as english } from '../en/story.js';
import type { Words } from '../words.js';
import { number } from './format.js';

/** `/veo story` とそのフォーム。 */
export const storyWords = {
  'veo.story.description': () => '複数のショット（1行に1つ）からフォームで長めの720p動画を作成します',
  'story.modal.title': () => 'ストーリー動画を作成',
  'story.shots.label': () => 'ショット（1行に1つ）',
  'story.shots.description': (p) =>
    `最大${p.maxShots}ショット、各${p.shotSeconds}秒。1行が1ショットで、最大${number(p.maxLength)}文字です。`,
  'story.shots.placeholder': () => '雪の森でキツネが目を覚ます（次の行：次のショット）',
  'story.aspect.label': () => 'アスペクト比',
  'story.images.label': () => '参照画像（任意）',
  'story.images.description': (p) => `PNG・JPEG・WebP 画像を最大${p.max}枚。すべてのショットに使われます。`,
} satisfies Words<typeof english>;
