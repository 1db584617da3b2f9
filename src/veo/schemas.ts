import { z } from 'zod';

// z.url() takes whitespace, and new URL() silently drops tabs and newlines, so the raw text is
// checked first: a link with a space, a control or an invisible format character could carry
// markdown of its own into a public message. What is kept is the link as the URL parser writes it.
const vendorLink = z
  .string()
  .regex(/^[^\s\p{Cc}\p{Cf}\p{Z}]+$/u, 'whitespace or control characters in a link')
  .pipe(z.url({ protocol: /^https?$/ }))
  .transform((link) => new URL(link).href);

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
  // The ledger counts whole credits: a fraction (a vendor price change) rounds up, and the client logs it.
  creditsUsed: z
    .number()
    .nonnegative()
    .transform((reported) => ({ credits: Math.ceil(reported), reported }))
    .optional(),
  error: z.string().optional(),
  errorCode: z.string().optional(),
});

// Only the ids are needed to use an entry; any other odd field is dropped rather than the entry.
const checkedShot = z.looseObject({
  shotId: z.string().min(1),
  taskId: z.string().min(1),
  status: shotStatus.catch('processing'),
  videoUrl: vendorLink.optional().catch(undefined),
  generationTime: z.number().nonnegative().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
});

type CheckedShot = z.output<typeof checkedShot>;

export const checkStatusResponse = z.looseObject({
  status: z.string(),
  // One batch answer covers many generations: an unreadable entry is left out (its shot counts as
  // unanswered) instead of sinking the others with it. The same goes for a bad link.
  shots: z.array(z.unknown()).transform((entries) =>
    entries.flatMap((entry): CheckedShot[] => {
      const shot = checkedShot.safeParse(entry);
      return shot.success ? [shot.data] : [];
    }),
  ),
  videoUrl: vendorLink.optional().catch(undefined),
});

export const errorResponse = z.looseObject({
  error: z.string().optional(),
  errorCode: z.string().optional(),
  requiredCredits: z.number().optional(),
});
