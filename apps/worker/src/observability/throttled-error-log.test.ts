import type { Logger } from './create-logger.js';
import { throttledErrorLog } from './throttled-error-log.js';

describe('throttledErrorLog', () => {
  it('logs a repeated message once per interval, with the number of repeats it swallowed', () => {
    const lines: object[] = [];
    const logger = { error: (fields: object) => lines.push(fields) } as unknown as Logger;
    const log = throttledErrorLog({ logger, message: 'redis connection error', intervalMs: 60_000 });
    for (let attempt = 0; attempt < 50; attempt += 1) log(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    log(new Error('a different failure'));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ suppressedSinceLastLog: 0 });
  });
});
