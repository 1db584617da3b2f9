/** The domain's timing constants: shot times, polling, the queue and delivery; tests run them fast. */
export interface Timing {
  shotMinMs: number;
  shotMaxMs: number;
  pollIntervalMs: number;
  pollMaxIntervalMs: number;
  pollBatchSize: number;
  generationGraceMs: number;
  queueMaxWaitMs: number;
  queueMaxTextWaitMs: number;
  deliveryRetryMs: number;
}
