import type { ApplicationCommandOptionChoiceData, Guild } from 'discord.js';

/** Discord shows at most 25 choices, each name at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_NAME = 100;

/** The servers whose name (or id) matches what the operator typed, by name; the value is the id. */
export function serverChoices(guilds: Iterable<Pick<Guild, 'id' | 'name'>>, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const query = typed.trim().toLowerCase();
  return [...guilds]
    .filter((guild) => query === '' || guild.name.toLowerCase().includes(query) || guild.id.startsWith(query))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .slice(0, MAX_CHOICES)
    .map((guild) => {
      const suffix = ` (${guild.id})`;
      const name = guild.name.length + suffix.length > MAX_NAME ? `${guild.name.slice(0, MAX_NAME - suffix.length - 1)}…` : guild.name;
      return { name: `${name}${suffix}`, value: guild.id };
    });
}
