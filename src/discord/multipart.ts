import type { RequestData } from 'discord.js';
import type { VideoFile } from '../domain/videoFiles.js';

/**
 * A message body with its files as the multipart request Discord takes (`payload_json` and
 * `files[n]`), built here rather than by discord.js: it would copy each file into memory, while
 * these parts are read from their Blobs (on disk) as the request is sent.
 */
export function messageRequest(body: object, files: readonly VideoFile[]): Pick<RequestData, 'body' | 'passThroughBody'> {
  if (files.length === 0) return { body };
  const form = new FormData();
  files.forEach((file, index) => form.append(`files[${index}]`, file.content, file.name));
  form.append('payload_json', JSON.stringify(body));
  return { body: form, passThroughBody: true };
}
