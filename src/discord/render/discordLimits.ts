/** Discord's limits for what a message may hold, in characters. */
export const discordLimits = {
  content: 2000,
  embedDescription: 4096,
  fieldValue: 1024,
  /** Everything an embed's texts add up to. */
  embedTotal: 6000,
} as const;
