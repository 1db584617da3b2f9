import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

describe('logger', () => {
  it('writes one JSON line per event with bindings and fields', () => {
    const lines: string[] = [];
    createLogger({ write: (l) => lines.push(l), bindings: { part: 'poll' } }).info({ generationId: 3 }, 'generation finished');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'generation finished', part: 'poll', generationId: 3 });
  });

  it('never writes a secret, whether as a value, inside a message or under a secret-looking key', () => {
    const lines: string[] = [];
    const secret = 'MTIzNDU2Nzg5.super-secret-bot-token';
    const log = createLogger({ write: (l) => lines.push(l), secrets: [secret] });
    log.error({ err: new Error(`request failed with Bot ${secret}`), token: 'interaction-token-abc' }, `login ${secret}`);
    log.child({ authorization: `Bearer ${secret}` }).warn({}, 'x');
    const text = lines.join('\n');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('interaction-token-abc');
    expect(text).toContain('[redacted]');
  });

  it('drops events below its level', () => {
    const lines: string[] = [];
    createLogger({ level: 'warn', write: (l) => lines.push(l) }).info({}, 'hidden');
    expect(lines).toEqual([]);
  });
});

describe('secrets learnt after start', () => {
  it("redacts a server's key from the logger that learnt it, its parent and its children, from then on", () => {
    const lines: string[] = [];
    const root = createLogger({ write: (line) => lines.push(line), secrets: ['bot-token-xyz'] });
    const child = root.child({ part: 'server-keys' });
    child.learnSecret('np-server-key-123456');
    root.info({ detail: 'sent with np-server-key-123456' }, 'np-server-key-123456 in the message');
    child.child({ more: 1 }).warn({ err: new Error('Bearer np-server-key-123456 refused') }, 'failed');
    expect(lines.join('\n')).not.toContain('np-server-key-123456');
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
