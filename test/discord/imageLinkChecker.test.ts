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

const checker = createImageLinkChecker({ log: createLogger({ write: () => {} }), timeoutMs: 300 });

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
});
