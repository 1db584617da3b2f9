import type { storyWords as english } from '../en/story.js';
import type { Words } from '../words.js';
import { number } from './format.js';

/** `/veo story` y su formulario. */
export const storyWords = {
  'veo.story.description': () => 'Crea un video 720p más largo a partir de varias tomas, una por línea, en un formulario',
  'story.modal.title': () => 'Crear un video de varias tomas',
  'story.shots.label': () => 'Tomas, una por línea',
  'story.shots.description': (p) =>
    `Hasta ${p.maxShots} tomas de ${p.shotSeconds} s; cada línea es una toma de hasta ${number(p.maxLength)} caracteres.`,
  'story.shots.placeholder': () => 'Un zorro despierta en un bosque nevado (siguiente línea: la siguiente toma)',
  'story.aspect.label': () => 'Relación de aspecto',
  'story.images.label': () => 'Imágenes de referencia (opcional)',
  'story.images.description': (p) => `Hasta ${p.max} imágenes PNG, JPEG o WebP, usadas en cada toma.`,
} satisfies Words<typeof english>;
