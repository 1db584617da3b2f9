import type { IncomingMessage, ServerResponse } from 'node:http';

/** How the fake vendor's video host misbehaves for one download. */
export type FakeVideoFault =
  | { kind: 'status'; status: number }
  /** Headers sent, then nothing: the download must time out. */
  | { kind: 'hang' }
  /** An HTML error page with a 200 and an mp4 content-type. */
  | { kind: 'html' }
  /** Says `content-length` is half of what it then sends. */
  | { kind: 'longerThanDeclared' }
  /** Closes the connection half-way through the declared length. */
  | { kind: 'cutShort' }
  /** A 302 to `location` (the video's redirect to its CDN, or somewhere it must not lead). */
  | { kind: 'redirect'; location: string };

export interface FakeVideoRequest {
  path: string;
  status: number;
  /** Bytes written, the headers' declared length aside. */
  bytes: number;
  fault?: FakeVideoFault;
}

export interface FakeVideoHostOptions {
  /** Size of each video in bytes, default 64 KiB; `name` is the file name in the link. */
  videoBytes?: number | ((name: string) => number);
  /** The bytes of a video by name, when a test needs one that plays (made with ffmpeg); otherwise `videoBytes` of a bare MP4. */
  videoContent?: (name: string) => Buffer;
}

const FTYP = Buffer.from([0, 0, 0, 24, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isommp41')]);

/** A minimal valid MP4 of exactly `size` bytes: an `ftyp` box and one `mdat` box filling the rest. */
export function mp4Bytes(size: number): Buffer {
  if (size < FTYP.length + 8) throw new Error(`an MP4 needs at least ${FTYP.length + 8} bytes`);
  const file = Buffer.alloc(size);
  FTYP.copy(file, 0);
  file.writeUInt32BE(size - FTYP.length, FTYP.length);
  file.write('mdat', FTYP.length + 4, 'latin1');
  return file;
}

/** Serves the vendor's finished videos under /videos/, as real MP4 bytes, and can fail, hang or lie. */
export function createFakeVideoHost(options: FakeVideoHostOptions) {
  const requests: FakeVideoRequest[] = [];
  const faults: FakeVideoFault[] = [];
  const sizeOf = (name: string) => (typeof options.videoBytes === 'function' ? options.videoBytes(name) : (options.videoBytes ?? 64 * 1024));
  const hanging = new Set<ServerResponse>();

  function serve(path: string, res: ServerResponse): void {
    const record: FakeVideoRequest = { path, status: 200, bytes: 0 };
    requests.push(record);
    const name = decodeURIComponent(path.slice('/videos/'.length));
    const fault = faults.shift();
    if (fault) record.fault = fault;
    if (!/\.mp4$/.test(name)) {
      record.status = 404;
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    const video = options.videoContent?.(name) ?? mp4Bytes(sizeOf(name));
    switch (fault?.kind) {
      case 'status':
        record.status = fault.status;
        return void res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(`injected ${fault.status}`);
      case 'redirect':
        record.status = 302;
        return void res.writeHead(302, { location: fault.location }).end();
      case 'hang':
        hanging.add(res);
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length });
        return void res.flushHeaders();
      case 'html': {
        const page = Buffer.from('<!doctype html><title>Access denied</title><h1>403</h1>');
        record.bytes = page.length;
        return void res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': page.length }).end(page);
      }
      case 'longerThanDeclared':
        record.bytes = video.length;
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': Math.floor(video.length / 2), connection: 'close' });
        res.flushHeaders();
        res.socket?.write(video);
        return void res.socket?.end();
      case 'cutShort':
        record.bytes = Math.floor(video.length / 2);
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length });
        res.write(video.subarray(0, record.bytes));
        return void setTimeout(() => res.socket?.destroy(), 20);
      default:
        record.bytes = video.length;
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length }).end(video);
    }
  }

  return {
    requests,
    /** Handles GET /videos/…; false for any other request. */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      if (req.method !== 'GET' || !path.startsWith('/videos/')) return false;
      serve(path, res);
      return true;
    },
    injectVideoFault(fault: FakeVideoFault, times = 1): void {
      for (let i = 0; i < times; i += 1) faults.push(fault);
    },
    close(): void {
      for (const res of hanging) res.destroy();
    },
  };
}
