// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './paths.ts';
import { pngFacts } from './png.ts';

describe('pngFacts', () => {
  it('reads the size and alpha channel of a real PNG', () => {
    expect(pngFacts(readFileSync(join(PROJECT_ROOT, 'public/icon/16.png')))).toEqual({
      width: 16,
      height: 16,
      alpha: true,
    });
  });

  it('tells an RGB PNG from an RGBA one by its colour type', () => {
    const png = Buffer.from(readFileSync(join(PROJECT_ROOT, 'public/icon/16.png')));
    png.writeUInt8(2, 25);
    expect(pngFacts(png).alpha).toBe(false);
  });

  it('refuses what is not a PNG', () => {
    expect(() => pngFacts(Buffer.from('GIF89a, not a PNG at all, long enough to read'))).toThrow('Not a PNG file');
  });
});
