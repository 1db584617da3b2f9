const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Ids are real snowflakes (discord.js derives `createdTimestamp` from them) and strictly increase,
 * so sorting by id gives creation order as it does on Discord.
 */
export function createSnowflakes(): () => string {
  let last = 0n;
  return () => {
    const candidate = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    last = candidate > last ? candidate : last + 1n;
    return last.toString();
  };
}
