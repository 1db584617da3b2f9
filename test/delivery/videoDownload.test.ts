import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWholeMp4Bytes as isWholeMp4 } from '../../src/delivery/mp4.js';
import { createVideoDownloader } from '../../src/delivery/videoDownload.js';
import { createLogger } from '../../src/log.js';
import { startFakeNanophoto, type FakeNanophoto } from '../support/fakeNanophoto.js';
import { mp4Bytes } from '../support/fakeVideos.js';

let api: FakeNanophoto;
const logs: string[] = [];
const log = createLogger({ level: 'debug', write: (line) => logs.push(line) });
const directory = () => join(mkdtempSync(join(tmpdir(), 'veo-download-test-')), 'videos');
// The fake serves its videos over http on loopback, which only ALLOW_PRIVATE_URLS lets through.
const downloader = createVideoDownloader({ timeoutMs: 300, directory: directory(), links: { allowPrivate: true, hosts: [] }, log });
const publicOnly = createVideoDownloader({ timeoutMs: 300, directory: directory(), links: { allowPrivate: false, hosts: [] }, log });
const warnings = () => logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.level === 'warn');
const never = new AbortController().signal;
const url = (name = 'a.mp4') => `${api.url}/videos/${name}`;

beforeAll(async () => {
  api = await startFakeNanophoto({ videoBytes: (name) => (name.startsWith('big') ? 5_000_000 : 100_000) });
});
afterAll(async () => {
  await Promise.all([downloader.close(), publicOnly.close()]);
  await api.close();
});

describe('isWholeMp4', () => {
  it('takes an ftyp box followed by boxes that cover the file exactly', async () => {
    expect(await isWholeMp4(mp4Bytes(1000))).toBe(true);
    expect(await isWholeMp4(mp4Bytes(1000).subarray(0, 999))).toBe(false);
    expect(await isWholeMp4(Buffer.concat([mp4Bytes(1000), Buffer.from('junk')]))).toBe(false);
    expect(await isWholeMp4(Buffer.from('<!doctype html><html></html>'))).toBe(false);
    expect(await isWholeMp4(new Uint8Array())).toBe(false);
  });
});

describe('the video downloader', () => {
  it('streams a video within the limit to a file the Blob reads, and frees it', async () => {
    const result = await downloader.download(url(), 200_000, never);
    if (!result.ok) throw new Error(result.detail);
    expect(result.video.size).toBe(100_000);
    expect(await isWholeMp4(new Uint8Array(await result.video.content.arrayBuffer()))).toBe(true);
    await result.video.dispose();
    await expect(result.video.content.arrayBuffer()).rejects.toThrow();
  });

  it('stops at once on a video over the limit', async () => {
    expect(await downloader.download(url('big.mp4'), 1_000_000, never)).toMatchObject({ ok: false, failure: 'too_large' });
  });

  it.each([
    ['a 404', 'refused', { kind: 'status', status: 404 } as const],
    ['a 500', 'unreachable', { kind: 'status', status: 500 } as const],
    ['a hang', 'unreachable', { kind: 'hang' } as const],
    ['HTML', 'not_mp4', { kind: 'html' } as const],
    ['more bytes than declared', 'not_mp4', { kind: 'longerThanDeclared' } as const],
    ['a connection cut short', 'unreachable', { kind: 'cutShort' } as const],
  ])('reports %s as %s', async (_name, failure, fault) => {
    api.injectVideoFault(fault);
    expect(await downloader.download(url(), 200_000, never)).toMatchObject({ ok: false, failure });
  });

  it('never fetches a link that is not http(s)', async () => {
    const before = api.videoRequests.length;
    for (const link of ['ftp://example.com/a.mp4', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(await downloader.download(link, 200_000, never)).toMatchObject({ ok: false, failure: 'refused' });
    }
    expect(api.videoRequests.length).toBe(before);
  });

  it('gives up at once when told to stop', async () => {
    api.injectVideoFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = downloader.download(url(), 200_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow();
  });
});

describe('links the downloader may not fetch', () => {
  const refusedBy = async (dl: typeof downloader, link: string) => {
    logs.length = 0;
    const before = api.videoRequests.length;
    const result = await dl.download(link, 200_000, never);
    expect(result).toMatchObject({ ok: false, failure: 'refused' });
    expect(api.videoRequests.length).toBe(before);
    return warnings();
  };

  it('refuses http and loopback without ALLOW_PRIVATE_URLS, with one warning naming the host', async () => {
    expect(await refusedBy(publicOnly, url())).toEqual([expect.objectContaining({ host: '127.0.0.1', msg: 'refused to download a video link' })]);
    const port = new URL(api.url).port;
    expect(await refusedBy(publicOnly, `https://localhost:${port}/videos/a.mp4`)).toEqual([
      expect.objectContaining({ host: 'localhost', reason: expect.stringMatching(/^private address/) }),
    ]);
  });

  it('never reaches link-local, unspecified or multicast addresses, even with ALLOW_PRIVATE_URLS', async () => {
    for (const link of ['http://169.254.169.254/latest/meta-data/a.mp4', 'http://0.0.0.0/a.mp4', 'http://[::ffff:169.254.169.254]/a.mp4', 'http://[fe80::1]/a.mp4', 'http://224.0.0.1/a.mp4']) {
      expect(await refusedBy(downloader, link)).toHaveLength(1);
    }
  });

  it('checks every redirect like the link itself', async () => {
    api.injectVideoFault({ kind: 'redirect', location: '/videos/b.mp4' });
    expect(await downloader.download(url(), 200_000, never)).toMatchObject({ ok: true });

    logs.length = 0;
    api.injectVideoFault({ kind: 'redirect', location: 'http://169.254.169.254/latest/meta-data/' });
    expect(await downloader.download(url(), 200_000, never)).toMatchObject({ ok: false, failure: 'refused' });
    expect(warnings()).toEqual([expect.objectContaining({ host: '169.254.169.254' })]);

    const onlyTheFake = createVideoDownloader({ timeoutMs: 300, directory: directory(), links: { allowPrivate: true, hosts: ['127.0.0.1'] }, log });
    try {
      expect(await onlyTheFake.download(url(), 200_000, never)).toMatchObject({ ok: true });
      logs.length = 0;
      api.injectVideoFault({ kind: 'redirect', location: `http://localhost:${new URL(api.url).port}/videos/a.mp4` });
      const before = api.videoRequests.length;
      expect(await onlyTheFake.download(url(), 200_000, never)).toMatchObject({ ok: false, failure: 'refused' });
      expect(api.videoRequests.length).toBe(before + 1);
      expect(warnings()).toEqual([expect.objectContaining({ host: 'localhost', reason: 'not in VIDEO_HOSTS' })]);
    } finally {
      await onlyTheFake.close();
    }
  });
});
