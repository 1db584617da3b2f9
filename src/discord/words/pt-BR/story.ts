import type { storyWords as english } from '../en/story.js';
import type { Words } from '../words.js';
import { number } from './format.js';

/** `/veo story` e seu formulário. */
export const storyWords = {
  'veo.story.description': () => 'Crie um vídeo 720p mais longo a partir de várias cenas, uma por linha, em um formulário',
  'story.modal.title': () => 'Criar um vídeo com várias cenas',
  'story.shots.label': () => 'Cenas, uma por linha',
  'story.shots.description': (p) =>
    `Até ${p.maxShots} cenas de ${p.shotSeconds} s; cada linha é uma cena de até ${number(p.maxLength)} caracteres.`,
  'story.shots.placeholder': () => 'Uma raposa acorda numa floresta com neve (próxima linha: a próxima cena)',
  'story.aspect.label': () => 'Proporção',
  'story.images.label': () => 'Imagens de referência (opcional)',
  'story.images.description': (p) => `Até ${p.max} imagens PNG, JPEG ou WebP, usadas em todas as cenas.`,
} satisfies Words<typeof english>;
