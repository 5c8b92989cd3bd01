import { describeEndpoint, StartupError, startupTimeoutMsOf } from './startup-error.js';

describe('start-up errors', () => {
  it('name a store by scheme, host and port only', () => {
    expect(describeEndpoint('redis://:hunter2@cache.internal:6380/2')).toBe('redis://cache.internal:6380');
    expect(describeEndpoint('postgres://app:hunter2@db:5432/tollgate?sslmode=require')).toBe('postgres://db:5432');
    expect(describeEndpoint('.tollgate/tollgate.db')).toBe('.tollgate/tollgate.db');
  });

  it('read the start-up timeout, refusing one that is not a positive whole number of ms', () => {
    expect(startupTimeoutMsOf({})).toBe(10_000);
    expect(startupTimeoutMsOf({ TOLLGATE_STARTUP_TIMEOUT_MS: '2500' })).toBe(2_500);
    expect(() => startupTimeoutMsOf({ TOLLGATE_STARTUP_TIMEOUT_MS: 'soon' })).toThrow(StartupError);
  });
});
