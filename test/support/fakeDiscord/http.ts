import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidJson } from './errors.js';

export interface UploadedFile {
  name: string;
  contentType: string;
  size: number;
  data: Uint8Array;
}

export interface ParsedBody {
  /** undefined when the request had no body */
  json: unknown;
  files: UploadedFile[];
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

/** JSON, or multipart/form-data as @discordjs/rest sends it when there are files (`payload_json` + `files[n]`). */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return { json: parseJson(raw.toString('utf8')), files: [] };
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const files: UploadedFile[] = [];
  let json: unknown;
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') json = parseJson(value);
    else if (typeof value !== 'string') {
      const data = new Uint8Array(await value.arrayBuffer());
      files.push({ name: value.name, contentType: value.type || 'application/octet-stream', size: data.length, data });
    }
  }
  return { json, files };
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

export function sendBytes(res: ServerResponse, contentType: string, data: Uint8Array): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': data.length }).end(data);
}
