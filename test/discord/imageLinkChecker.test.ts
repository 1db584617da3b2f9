import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageLinkChecker } from '../../src/discord/imageLinkChecker.js';
import { createLogger } from '../../src/log.js';

let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/fresh.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end('png');
    if (req.url === '/head-refused.png') {
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      return void res.writeHead(206, { 'content-type': 'image/png' }).end('p');
    }
    if (req.url === '/moved.png') return void res.writeHead(302, { location: '/fresh.png' }).end();
    if (req.url === '/hangs.png') return; // never answers
    res.writeHead(404).end('This content is no longer available.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// The test server is http on loopback, which only ALLOW_PRIVATE_URLS lets through.
const checker = createImageLinkChecker({ log: createLogger({ write: () => {} }), timeoutMs: 300, links: { allowPrivate: true } });
afterAll(() => checker.close());

describe('the image link checker', () => {
  it('counts links that answer a HEAD, and asks with a one-byte GET where HEAD is refused', async () => {
    expect(await checker.allAnswer([`${base}/fresh.png`, `${base}/head-refused.png`])).toBe(true);
    expect(seen).toEqual(expect.arrayContaining(['HEAD /fresh.png', 'HEAD /head-refused.png', 'GET /head-refused.png']));
  });

  it('calls the set expired when any link is gone, redirects, or does not answer in time', async () => {
    expect(await checker.allAnswer([`${base}/fresh.png`, `${base}/expired.png`])).toBe(false);
    expect(await checker.allAnswer([`${base}/moved.png`])).toBe(false);
    const started = Date.now();
    expect(await checker.allAnswer([`${base}/hangs.png`])).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await checker.allAnswer(['http://127.0.0.1:1/closed.png'])).toBe(false);
  });

  it('has nothing to check for a video without images', async () => {
    expect(await checker.allAnswer([])).toBe(true);
  });

  it('never asks a link to a private, loopback or link-local address, nor over http, without ALLOW_PRIVATE_URLS', async () => {
    const logs: string[] = [];
    const strict = createImageLinkChecker({ log: createLogger({ write: (line) => logs.push(line) }), timeoutMs: 300, links: { allowPrivate: false } });
    try {
      seen.length = 0;
      const port = new URL(base).port;
      for (const link of [`${base}/fresh.png`, `https://localhost:${port}/fresh.png`, 'https://169.254.169.254/latest/meta-data/a.png', 'https://[::ffff:10.0.0.1]/a.png']) {
        expect(await strict.allAnswer([link])).toBe(false);
      }
      expect(seen).toEqual([]);
      const warned = logs.map((line) => JSON.parse(line) as { level: string; host?: string }).filter((entry) => entry.level === 'warn');
      expect(warned.map((entry) => entry.host)).toEqual(['127.0.0.1', 'localhost', '169.254.169.254', '::ffff:a00:1']);
    } finally {
      await strict.close();
    }
  });
});
