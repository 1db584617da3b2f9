// A blocked entry is an admin's own text: shown as inline code, so no markup of it is read, and never able to close it.
export const blockedEntry = (entry: string) => `\`${entry.replace(/`/g, "'")}\``;
