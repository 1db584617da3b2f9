import { number } from './format.js';

/** `/veo story` and its form. */
export const storyWords = {
  'veo.story.description': () => 'Make a longer 720p video from several shots, one per line, in a form',
  'story.modal.title': () => 'Make a story video',
  'story.shots.label': () => 'Shots, one per line',
  'story.shots.description': (p: { maxShots: number; shotSeconds: number; maxLength: number }) =>
    `Up to ${p.maxShots} shots of ${p.shotSeconds} s; each line is one shot of up to ${number(p.maxLength)} characters.`,
  'story.shots.placeholder': () => 'A fox wakes up in a snowy forest (next line: the next shot)',
  'story.aspect.label': () => 'Aspect ratio',
  'story.images.label': () => 'Reference images (optional)',
  'story.images.description': (p: { max: number }) => `Up to ${p.max} PNG, JPEG or WebP images, used for every shot.`,
};
