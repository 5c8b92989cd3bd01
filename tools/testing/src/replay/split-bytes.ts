/** How a replayed body is cut into writes: whole, at these byte offsets, or at random offsets (seeded). */
export type BodySplit = 'whole' | readonly number[] | { readonly randomSeed: number; readonly maxPieceBytes?: number };

/** A deterministic pseudo-random generator (mulberry32), so a failing split is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts bytes at random offsets (pieces of 1..maxPieceBytes bytes), mid-line and mid-UTF-8 included. */
export function splitAtRandom(bytes: Buffer, seed: number, maxPieceBytes = 64): Buffer[] {
  const random = seededRandom(seed);
  const pieces: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const size = 1 + Math.floor(random() * maxPieceBytes);
    pieces.push(bytes.subarray(start, start + size));
    start += size;
  }
  return pieces;
}

/** The pieces of `body` as `split` says. */
export function splitBytes(body: Buffer, split: BodySplit | undefined): Buffer[] {
  if (split === undefined || split === 'whole') return [body];
  if (Array.isArray(split)) {
    const offsets = [0, ...(split as readonly number[]), body.length];
    return offsets.slice(1).map((end, index) => body.subarray(offsets[index], end));
  }
  const random = split as { randomSeed: number; maxPieceBytes?: number };
  return splitAtRandom(body, random.randomSeed, random.maxPieceBytes);
}
