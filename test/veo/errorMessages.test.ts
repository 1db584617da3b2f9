import { describe, expect, it } from 'vitest';
import { describeVeoError } from '../../src/veo/errorMessages.js';
import { VeoApiError, VeoTransportError, veoErrorCodes } from '../../src/veo/errors.js';

const apiError = (code: (typeof veoErrorCodes)[number] | 'UNKNOWN') =>
  new VeoApiError({ status: 400, code, method: 'POST', path: '/api/veo-3/generate', apiMessage: 'raw vendor text <@123>' });

describe('what members read about API errors', () => {
  it.each([...veoErrorCodes, 'UNKNOWN' as const])('%s has its own short message that says what to do, never the vendor text', (code) => {
    const { userMessage } = describeVeoError(apiError(code));
    expect(userMessage.length).toBeLessThan(200);
    expect(userMessage).not.toContain('raw vendor text');
    expect(userMessage).toMatch(/try again|ask|tell|attach|make sure|write|start it again/i);
  });

  it('gives every documented code a different message', () => {
    const messages = new Set(veoErrorCodes.map((code) => describeVeoError(apiError(code)).userMessage));
    expect(messages.size).toBe(veoErrorCodes.length);
  });

  it('tells a timed-out submission apart from an unreachable service', () => {
    const unknown = new VeoTransportError({ kind: 'timeout', method: 'POST', path: '/api/veo-3/generate', outcomeUnknown: true, message: 'x' });
    const offline = new VeoTransportError({ kind: 'network', method: 'POST', path: '/api/veo-3/generate', outcomeUnknown: false, message: 'x' });
    expect(describeVeoError(unknown).userMessage).toMatch(/won't send it twice/);
    expect(describeVeoError(offline).userMessage).toMatch(/could not be reached/);
    expect(describeVeoError(offline).retryable).toBe(true);
  });
});
