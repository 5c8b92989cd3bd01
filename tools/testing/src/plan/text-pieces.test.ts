import fc from 'fast-check';
import { generatedPieces, splitIntoFragments, splitIntoPieces } from './text-pieces.js';

describe('text pieces', () => {
  it('generates exactly the requested number of tokens, deterministically', () => {
    expect(generatedPieces(4)).toEqual(['Hello', ' from', ' the', ' Tollgate.']);
    expect(generatedPieces(40)).toHaveLength(40);
    expect(generatedPieces(0)).toEqual([]);
  });

  it('splits text into word tokens that join back to the text', () => {
    expect(splitIntoPieces('  Olá! Tudo\nbem? ')).toEqual(['  Olá!', ' Tudo', '\nbem? ']);
    fc.assert(fc.property(fc.string(), (text) => splitIntoPieces(text).join('') === text));
  });

  it('cuts fragments that join back and never split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 12 }), (text, size) => {
        const fragments = splitIntoFragments(text, size);
        const splitsAPair = fragments.some((fragment, index) =>
          /[\ud800-\udbff]$/.test(fragment) && /^[\udc00-\udfff]/.test(fragments[index + 1] ?? ''));
        return fragments.join('') === text && !splitsAPair;
      }),
    );
  });
});
