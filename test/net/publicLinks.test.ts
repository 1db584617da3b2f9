import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, createPublicAgent, publicOnly, refusalIn, refusedAddress, requestPublic } from '../../src/net/publicLinks.js';

describe('which addresses a link may reach', () => {
  it.each([
    '127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1',
    '169.254.169.254', '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1', '192.0.2.7',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '::127.0.0.1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '::ffff:10.0.0.1', '::ffff:0.0.0.0',
  ])('refuses %s', (address) => {
    expect(refusedAddress(address, publicOnly)).toBeDefined();
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8'])('lets %s through', (address) => {
    expect(refusedAddress(address, publicOnly)).toBeUndefined();
  });

  it('lets loopback and private addresses through only with ALLOW_PRIVATE_URLS, never link-local, multicast or unspecified', () => {
    const tests = { allowPrivate: true };
    for (const address of ['127.0.0.1', '10.0.0.1', '192.168.0.9', '::1', 'fd00::1', '::ffff:127.0.0.1']) expect(refusedAddress(address, tests)).toBeUndefined();
    for (const address of ['169.254.169.254', 'fe80::1', '0.0.0.0', '::', '224.0.0.1', 'ff02::1']) expect(refusedAddress(address, tests)).toBeDefined();
  });
});

describe('checking a link before it is fetched', () => {
  const refusal = (link: string, rules = publicOnly) => {
    const checked = checkLink(link, rules);
    return checked.ok ? undefined : { host: checked.error.host, reason: checked.error.reason };
  };

  it('takes https only, unless ALLOW_PRIVATE_URLS allows http', () => {
    expect(refusal('https://cdn.example.com/a.mp4')).toBeUndefined();
    expect(refusal('http://cdn.example.com/a.mp4')).toEqual({ host: 'cdn.example.com', reason: 'http: is not https' });
    expect(refusal('http://cdn.example.com/a.mp4', { allowPrivate: true, hosts: [] })).toBeUndefined();
    for (const link of ['ftp://example.com/a.mp4', 'file:///etc/passwd', 'javascript:alert(1)', 'not a link']) expect(refusal(link)).toBeDefined();
  });

  it('checks hosts written as IP addresses, in every spelling the URL parser accepts', () => {
    for (const link of ['https://127.0.0.1/a.mp4', 'https://2130706433/a.mp4', 'https://0x7f.1/a.mp4', 'https://[::1]/a.mp4', 'https://[::ffff:169.254.169.254]/a.mp4', 'https://169.254.169.254/latest/meta-data/']) {
      expect(refusal(link)).toMatchObject({ reason: expect.stringMatching(/address/) });
    }
    expect(refusal('https://[::ffff:7f00:1]/a.mp4')?.host).toBe('::ffff:7f00:1');
    expect(refusal('https://8.8.8.8/a.mp4')).toBeUndefined();
  });

  it('takes only the hosts in VIDEO_HOSTS when it is set', () => {
    const rules = { allowPrivate: false, hosts: ['cdn.nanophoto.ai'] };
    expect(refusal('https://cdn.nanophoto.ai/a.mp4', rules)).toBeUndefined();
    expect(refusal('https://CDN.Nanophoto.AI/a.mp4', rules)).toBeUndefined();
    expect(refusal('https://evil.example/a.mp4', rules)).toEqual({ host: 'evil.example', reason: 'not in VIDEO_HOSTS' });
    expect(refusal('https://cdn.nanophoto.ai.evil.example/a.mp4', rules)).toBeDefined();
  });
});

describe('fetching through the public agent', () => {
  // A plain TCP listener: the test is whether the bot connects at all, before any TLS or HTTP.
  let listener: Server;
  let port = 0;
  let connections = 0;
  const agent = createPublicAgent(publicOnly, { headersTimeout: 500, bodyTimeout: 500 });

  beforeAll(async () => {
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await agent.close();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  });

  it('refuses a name that resolves to loopback after the DNS lookup, without connecting', async () => {
    const error = await requestPublic(`https://localhost:${port}/a.mp4`, { dispatcher: agent, rules: publicOnly, maxRedirections: 0 }).catch((e: unknown) => e);
    expect(refusalIn(error)).toMatchObject({ host: 'localhost', reason: expect.stringMatching(/^private address (127\.0\.0\.1|::1)$/) });
    expect(connections).toBe(0);
  });

  it('refuses an IP literal before asking the agent', async () => {
    const error = await requestPublic(`https://127.0.0.1:${port}/a.mp4`, { dispatcher: agent, rules: publicOnly, maxRedirections: 0 }).catch((e: unknown) => e);
    expect(refusalIn(error)).toMatchObject({ host: '127.0.0.1' });
    expect(connections).toBe(0);
  });
});
