/** Who asks: enough to check a server budget and a member's cap. */
export interface MemberRef {
  guildId: string;
  userId: string;
  roleIds: readonly string[];
}

/**
 * The credit moves the generation lifecycle makes. All are synchronous so they join the caller's
 * SQLite transaction together with the generation row they belong to.
 */
export interface CreditLedger {
  reserve(member: MemberRef, generationId: number, credits: number): void;
  settle(generationId: number, creditsUsed: number): void;
  refund(generationId: number, credits: number, reason: string): void;
  release(generationId: number, reason: string): void;
}
