import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { SpendOutbox } from './spend-outbox.js';

const eventFor = (requestId: string) => makeSpendEvent({ request_id: requestId, cost_nano: '1500' });

describe('SpendOutbox', () => {
  it('keeps events across a reopen, oldest first, until they are removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-outbox-'));
    const file = join(dir, 'nested', 'outbox.db');
    try {
      const first = SpendOutbox.open(file);
      first.put([eventFor('r1'), eventFor('r2')]);
      first.put([eventFor('r3')]);
      first.close();

      const reopened = SpendOutbox.open(file);
      const entries = reopened.peek(2);
      expect(entries.map((entry) => entry.event.request_id)).toEqual(['r1', 'r2']);
      expect(entries[0]?.event).toMatchObject({ cost_nano: '1500', prompt_tokens: 10 });
      reopened.remove(entries.map((entry) => entry.id));
      expect(reopened.size).toBe(1);
      expect(reopened.peek(10).map((entry) => entry.event.request_id)).toEqual(['r3']);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed event and stores nothing of its batch', () => {
    const outbox = SpendOutbox.open(':memory:');
    expect(() => outbox.put([eventFor('ok'), { ...eventFor('bad'), api_key: 'sk-raw-key' }])).toThrow();
    expect(outbox.size).toBe(0);
    outbox.close();
  });
});
