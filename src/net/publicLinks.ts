import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';

/**
 * What links from the vendor or a member may reach. Off by default, `allowPrivate` (ALLOW_PRIVATE_URLS)
 * lets tests on one machine download over http from loopback; nothing else loosens these rules.
 */
export interface LinkRules {
  allowPrivate: boolean;
  /** VIDEO_HOSTS: the only host names a link may name; empty = any public host. */
  hosts: readonly string[];
}

export const publicOnly: LinkRules = { allowPrivate: false, hosts: [] };

/** Thrown (or met in a cause) when a link or one of its redirects names an address the bot must not reach. */
export class RefusedLinkError extends Error {
  override readonly name = 'RefusedLinkError';
  readonly code = 'REFUSED_LINK';
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`refused link to ${host}: ${reason}`);
  }
}

// node's BlockList does the address arithmetic, and checks an IPv4-mapped IPv6 address
// (::ffff:127.0.0.1) against the IPv4 ranges: no hand-written parsing of addresses here.
const ranges = (list: [string, number, 'ipv4' | 'ipv6'][]) => {
  const blocks = new BlockList();
  for (const [network, prefix, type] of list) blocks.addSubnet(network, prefix, type);
  return blocks;
};

/** The host's own machine and its network: what ALLOW_PRIVATE_URLS lets through. */
const loopbackOrPrivate = ranges([
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
]);

/** Never reachable by a link: unspecified, link-local (cloud metadata), multicast, reserved and documentation ranges. */
const neverPublic = ranges([
  ['0.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  // IPv4-compatible (deprecated) addresses, :: itself included; mapped ones are checked as IPv4 above.
  ['::', 96, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
]);

/** Why an address may not be reached, or undefined when it may. */
export function refusedAddress(address: string, rules: Pick<LinkRules, 'allowPrivate'>): string | undefined {
  const version = isIP(address);
  if (version === 0) return 'not an IP address';
  const type = version === 4 ? 'ipv4' : 'ipv6';
  if (loopbackOrPrivate.check(address, type)) return rules.allowPrivate ? undefined : `private address ${address}`;
  if (neverPublic.check(address, type)) return `non-public address ${address}`;
  return undefined;
}

/**
 * Checked before each request, redirects included: the scheme, the allowlist, and a host written as
 * an IP address (no DNS lookup happens for one, so the connect-time check below would not see it).
 */
export function checkLink(link: string | URL, rules: LinkRules): { ok: true; url: URL } | { ok: false; error: RefusedLinkError } {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, error: new RefusedLinkError(String(link).slice(0, 100), 'not a link') };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const refuse = (reason: string) => ({ ok: false as const, error: new RefusedLinkError(host, reason) });
  if (url.protocol !== 'https:' && !(rules.allowPrivate && url.protocol === 'http:')) return refuse(`${url.protocol} is not https`);
  if (rules.hosts.length > 0 && !rules.hosts.includes(host.toLowerCase())) return refuse('not in VIDEO_HOSTS');
  if (isIP(host) !== 0) {
    const refused = refusedAddress(host, rules);
    if (refused) return refuse(refused);
  }
  return { ok: true, url };
}

/** A DNS lookup that fails when any address of the name is one the bot may not reach. */
export function publicLookup(rules: Pick<LinkRules, 'allowPrivate'>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map(({ address }) => refusedAddress(address, rules)).find((reason) => reason !== undefined);
      if (refused) return callback(new RefusedLinkError(hostname, refused), '', 0);
      // net asks for every address when it tries IPv4 and IPv6 in turn (autoSelectFamily).
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** An undici agent whose every connection, after DNS, goes only where the rules allow. */
export function createPublicAgent(rules: LinkRules, options: Agent.Options = {}): Agent {
  return new Agent({ ...options, connect: { ...options.connect, lookup: publicLookup(rules) } });
}

/** The refusal behind an undici error, if it was one (undici may wrap what the connection threw). */
export function refusalIn(error: unknown): RefusedLinkError | undefined {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    if (at instanceof RefusedLinkError) return at;
  }
  return undefined;
}

const redirects = new Set([301, 302, 303, 307, 308]);

/**
 * A GET or HEAD through a public agent, each redirect followed by hand so that every hop passes
 * `checkLink` (and the agent's connect-time check). Throws RefusedLinkError for a refused hop.
 */
export async function requestPublic(
  link: string,
  { dispatcher, rules, maxRedirections, ...options }: { dispatcher: Dispatcher; rules: LinkRules; maxRedirections: number; method?: 'GET' | 'HEAD' } & Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'>,
): Promise<Dispatcher.ResponseData> {
  let current = link;
  for (let hop = 0; ; hop++) {
    const checked = checkLink(current, rules);
    if (!checked.ok) throw checked.error;
    const response = await request(checked.url, { ...options, dispatcher });
    const location = response.headers.location;
    if (!redirects.has(response.statusCode) || typeof location !== 'string' || hop >= maxRedirections) return response;
    await response.body.dump();
    current = new URL(location, checked.url).href;
  }
}
