import { PeekedStream } from './peeked-stream.js';

async function* numbers(count: number, failAt?: number): AsyncGenerator<number> {
  for (let index = 0; index < count; index += 1) {
    if (index === failAt) throw new Error(`failed at ${index}`);
    yield index;
  }
}

async function peeked(source: AsyncGenerator<number>) {
  const first = await source.next();
  const seen: number[] = [];
  const finishes: { error?: unknown }[] = [];
  const stream = new PeekedStream(first, source, {
    onItem: (item) => seen.push(item),
    onFinish: (outcome) => finishes.push(outcome),
  });
  return { stream, seen, finishes };
}

describe('PeekedStream', () => {
  it('hands out the peeked item first, then the rest, and finishes once', async () => {
    const { stream, seen, finishes } = await peeked(numbers(3));
    const items: number[] = [];
    for await (const item of stream) items.push(item);
    expect(items).toEqual([0, 1, 2]);
    expect(seen).toEqual([0, 1, 2]);
    expect(finishes).toEqual([{}]);
  });

  it('passes a later error to the consumer and reports it', async () => {
    const { stream, finishes } = await peeked(numbers(3, 2));
    const items: number[] = [];
    await expect(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    ).rejects.toThrow('failed at 2');
    expect(items).toEqual([0, 1]);
    expect(finishes).toHaveLength(1);
    expect((finishes[0]?.error as Error).message).toBe('failed at 2');
  });

  it('finishes and closes the source when the consumer leaves, even before reading', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number> {
      try {
        yield 1;
        yield 2;
      } finally {
        closed = true;
      }
    }
    const { stream, finishes } = await peeked(source());
    await stream.return();
    expect(finishes).toEqual([{}]);
    expect(closed).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('handles a source that ends without items', async () => {
    const { stream, finishes } = await peeked(numbers(0));
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(finishes).toEqual([{}]);
  });
});
