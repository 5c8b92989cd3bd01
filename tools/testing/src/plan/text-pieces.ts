const WORDS = ['Hello', 'from', 'the', 'Tollgate', 'mock', 'upstream', 'server', 'with', 'a', 'deterministic', 'answer'];
const generated = new Map<number, readonly string[]>();

/**
 * A deterministic answer of exactly `tokenCount` tokens, one word per token ("Hello from the Tollgate mock …"),
 * cached per length so that the benchmark's default reply costs no work.
 */
export function generatedPieces(tokenCount: number): readonly string[] {
  const cached = generated.get(tokenCount);
  if (cached) return cached;
  const pieces: string[] = [];
  for (let index = 0; index < tokenCount; index += 1) {
    const word = WORDS[index % WORDS.length] ?? '';
    pieces.push(index === 0 ? word : ` ${word}`);
  }
  if (pieces.length > 0) pieces[pieces.length - 1] = `${pieces[pieces.length - 1]!}.`;
  if (generated.size < 64) generated.set(tokenCount, pieces);
  return pieces;
}

/** Splits text into word tokens that keep their leading whitespace, so joining them gives the text back. */
export function splitIntoPieces(text: string): readonly string[] {
  const pieces: string[] = text.match(/\s*\S+/g) ?? [];
  let consumed = 0;
  for (const piece of pieces) consumed += piece.length;
  if (consumed < text.length) {
    const tail = text.slice(consumed);
    if (pieces.length === 0) pieces.push(tail);
    else pieces[pieces.length - 1] = pieces[pieces.length - 1]! + tail;
  }
  return pieces;
}

/**
 * Splits a tool call's arguments into fragments of about `size` characters, as providers stream them. Never cuts
 * a surrogate pair, so each fragment is valid UTF-16.
 */
export function splitIntoFragments(text: string, size = 8): readonly string[] {
  const fragments: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end += 1;
    fragments.push(text.slice(start, end));
    start = end;
  }
  return fragments;
}
