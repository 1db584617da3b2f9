/** Every timing constant of the poller and notifier, so tests can run the whole system fast. */
export interface Timing {
  pollerTickMs: number;
  shotMinMs: number;
  shotMaxMs: number;
  pollIntervalMs: number;
  pollMaxIntervalMs: number;
  pollBatchSize: number;
  generationGraceMs: number;
  queueMaxWaitMs: number;
  interactionTokenTtlMs: number;
  /** How long a costly request waits for its member's confirmation. */
  confirmationTtlMs: number;
  deliveryRetryMs: number;
}
