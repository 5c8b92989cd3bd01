import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  let now = 0;
  const clock = () => now;
  const fail = () => Promise.reject(new Error('down'));
  const succeed = () => Promise.resolve('ok');

  beforeEach(() => {
    now = 1_000;
  });

  it('opens after the threshold of consecutive failures and fails fast without calling', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 500, clock });
    for (let attempt = 0; attempt < 3; attempt += 1) await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    const operation = jest.fn(succeed);
    await expect(breaker.run(operation)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(operation).not.toHaveBeenCalled();
  });

  it('counts only consecutive failures', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, clock });
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(succeed)).resolves.toBe('ok');
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('lets one probe through after openMs; its success closes the breaker', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 500, clock });
    await expect(breaker.run(fail)).rejects.toThrow();
    now += 500;
    expect(breaker.state).toBe('half_open');
    let finishProbe: (value: string) => void = () => {};
    const probe = breaker.run(() => new Promise<string>((resolve) => (finishProbe = resolve)));
    // While the probe is out, everyone else still fails fast.
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    finishProbe('ok');
    await expect(probe).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('opens again for openMs when the probe fails', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 500, clock });
    await expect(breaker.run(fail)).rejects.toThrow();
    now += 500;
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    now += 499;
    expect(breaker.state).toBe('open');
    now += 1;
    expect(breaker.state).toBe('half_open');
  });
});
