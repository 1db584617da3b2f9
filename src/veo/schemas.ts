import { z } from 'zod';

// Objects are loose on purpose: the vendor may add fields at any time.
const shotStatus = z.enum(['processing', 'completed', 'failed']);

const submittedShot = z.looseObject({
  shotId: z.string().min(1),
  taskId: z.string().min(1),
  status: shotStatus.catch('processing'),
});

export const generateResponse = z.looseObject({
  status: z.string(),
  shots: z.array(submittedShot).optional(),
  creditsUsed: z.number().nonnegative().optional(),
  error: z.string().optional(),
  errorCode: z.string().optional(),
});

const checkedShot = z.looseObject({
  shotId: z.string().min(1),
  taskId: z.string().min(1),
  status: shotStatus.catch('processing'),
  // One odd shot must not sink the whole batch answer.
  videoUrl: z.url({ protocol: /^https?$/ }).optional().catch(undefined),
  generationTime: z.number().nonnegative().optional(),
  error: z.string().optional(),
});

export const checkStatusResponse = z.looseObject({
  status: z.string(),
  shots: z.array(checkedShot),
  videoUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const errorResponse = z.looseObject({
  error: z.string().optional(),
  errorCode: z.string().optional(),
  requiredCredits: z.number().optional(),
});
