import { createHash } from 'node:crypto';
import type { VendorKeys } from '../domain/ports.js';
import type { VeoClient } from './types.js';

/** Names a key in logs and lookups without revealing it: the start of its SHA-256. */
export const fingerprintOf = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex').slice(0, 12);

type ClosableClient = VeoClient & { close(): Promise<void> };

/** The vendor's API keys, the operator's and servers' own, one client each, known to the domain by fingerprint only. */
export function createVendorKeys(apiKeys: readonly string[], clientFor: (apiKey: string) => ClosableClient): VendorKeys & { close(): Promise<void> } {
  const clients = new Map(apiKeys.map((apiKey) => [fingerprintOf(apiKey), clientFor(apiKey)]));
  const operators = new Set(clients.keys());
  return {
    fingerprints: () => [...operators],
    clientFor(fingerprint) {
      const client = clients.get(fingerprint);
      if (!client) throw new Error(`no vendor key with fingerprint ${fingerprint}`);
      return client;
    },
    learn(apiKey) {
      const fingerprint = fingerprintOf(apiKey);
      if (!clients.has(fingerprint)) clients.set(fingerprint, clientFor(apiKey));
      return fingerprint;
    },
    forget(fingerprint) {
      const client = clients.get(fingerprint);
      if (!client || operators.has(fingerprint)) return;
      clients.delete(fingerprint);
      void client.close();
    },
    async close() {
      await Promise.all([...clients.values()].map((client) => client.close()));
    },
  };
}
