/** How a video is made from its images: none, first and last frames, or references. */
export const modes = ['text', 'frames', 'reference'] as const;
export type Mode = (typeof modes)[number];
