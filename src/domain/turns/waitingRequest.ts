import type { Payer } from '../quota/types.js';
import type { Turn } from './turnOrder.js';

/** A queued request as the queue weighs it each tick: a few columns, not the whole generation. */
export interface WaitingRequest extends Turn {
  credits: number;
  createdAt: Date;
  hasImages: boolean;
  /** The place last shown to its member; null before the first. */
  queuePosition: number | null;
  /** Whose books its reservation is in: a server's own key pays, or the operator's pool. */
  payer?: Payer;
}
