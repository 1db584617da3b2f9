import { describe, expect, it } from 'vitest';
import { bundledFfmpeg, locateFfmpeg } from '../../src/video/ffmpegLocator.js';

const nowhere = 'veo-test-no-such-ffmpeg';

describe('where ffmpeg comes from', () => {
  it('ships with the optional npm dependency, so a fresh `npm ci` has one', () => {
    expect(bundledFfmpeg()).toMatch(/ffmpeg$/);
  });

  it('takes FFMPEG_PATH when set, and nothing else when it does not run', async () => {
    const shipped = bundledFfmpeg()!;
    expect(await locateFfmpeg({ configured: shipped, onPath: nowhere })).toMatchObject({ path: shipped, source: 'FFMPEG_PATH', version: expect.any(String) });
    expect(await locateFfmpeg({ configured: '/nonexistent/ffmpeg', onPath: nowhere })).toBeNull();
  });

  it('falls back from the PATH to the npm build, and to none without either', async () => {
    const shipped = bundledFfmpeg()!;
    expect(await locateFfmpeg({ configured: undefined, onPath: nowhere, bundled: () => shipped })).toMatchObject({ path: shipped, source: 'npm' });
    expect(await locateFfmpeg({ configured: undefined, onPath: shipped })).toMatchObject({ path: shipped, source: 'PATH' });
    expect(await locateFfmpeg({ configured: undefined, onPath: nowhere, bundled: () => undefined })).toBeNull();
  });
});
