// What a PNG's header says: its size and whether it has an alpha channel, for the store images'
// checks (the stores want screenshots and promo tiles without alpha). Pure.
// Runs under plain `node`: erasable TypeScript only.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngFacts {
  width: number;
  height: number;
  /** Colour types 4 (grey + alpha) and 6 (RGBA); a tRNS chunk is not looked for. */
  alpha: boolean;
}

export function pngFacts(data: Buffer): PngFacts {
  if (data.length < 33 || !data.subarray(0, 8).equals(SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG file');
  }
  const colourType = data.readUInt8(25);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), alpha: colourType === 4 || colourType === 6 };
}
