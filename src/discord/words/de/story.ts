import type { storyWords as english } from '../en/story.js';
import type { Words } from '../words.js';
import { number } from './format.js';

/** `/veo story` und sein Formular. */
export const storyWords = {
  'veo.story.description': () => 'Ein längeres 720p-Video aus mehreren Szenen erstellen, eine pro Zeile, in einem Formular',
  'story.modal.title': () => 'Ein Story-Video erstellen',
  'story.shots.label': () => 'Szenen, eine pro Zeile',
  'story.shots.description': (p) =>
    `Bis zu ${p.maxShots} Szenen à ${p.shotSeconds} s; jede Zeile ist eine Szene mit bis zu ${number(p.maxLength)} Zeichen.`,
  'story.shots.placeholder': () => 'Ein Fuchs erwacht in einem verschneiten Wald (nächste Zeile: nächste Szene)',
  'story.aspect.label': () => 'Seitenverhältnis',
  'story.images.label': () => 'Referenzbilder (optional)',
  'story.images.description': (p) => `Bis zu ${p.max} PNG-, JPEG- oder WebP-Bilder, für jede Szene verwendet.`,
} satisfies Words<typeof english>;
