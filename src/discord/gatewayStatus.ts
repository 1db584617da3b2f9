import { Status, type Client } from 'discord.js';

/** Every shard of the client is connected and ready; false while it reconnects or resumes. */
export function gatewayReady(client: Client): boolean {
  return client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
}
