import type { storyWords as english } from '../en/story.js';
import type { Words } from '../words.js';
import { number } from './format.js';

/** `/veo story` et son formulaire. */
export const storyWords = {
  'veo.story.description': () => 'Créer une vidéo 720p plus longue à partir de plusieurs plans, un par ligne, dans un formulaire',
  'story.modal.title': () => 'Créer une vidéo en plusieurs plans',
  'story.shots.label': () => 'Plans, un par ligne',
  'story.shots.description': (p) =>
    `Jusqu’à ${p.maxShots} plans de ${p.shotSeconds} s ; chaque ligne est un plan de ${number(p.maxLength)} caractères au plus.`,
  'story.shots.placeholder': () => 'Un renard se réveille dans une forêt enneigée (ligne suivante : le plan suivant)',
  'story.aspect.label': () => 'Format d’image',
  'story.images.label': () => 'Images de référence (facultatif)',
  'story.images.description': (p) => `Jusqu’à ${p.max} images PNG, JPEG ou WebP, utilisées pour chaque plan.`,
} satisfies Words<typeof english>;
