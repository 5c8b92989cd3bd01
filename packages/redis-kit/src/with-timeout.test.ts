import { connect } from 'node:net';
import { Worker } from 'node:worker_threads';
import { LimiterTimeoutError, withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  it('rejects when the promise does not settle in time', async () => {
    await expect(withTimeout(new Promise(() => undefined), { timeoutMs: 20, what: 'a silent store' })).rejects.toBeInstanceOf(LimiterTimeoutError);
  });

  it('lets a reply that arrived while the event loop was blocked win over the expired timer', async () => {
    // The store answers from another thread, as Redis would from another process, while this thread is blocked.
    const store = new Worker(
      `const net = require('node:net'); const { parentPort } = require('node:worker_threads');
       const server = net.createServer((socket) => socket.on('data', () => socket.write('pong')));
       server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
      { eval: true },
    );
    const port = await new Promise<number>((resolve) => store.once('message', resolve));
    const socket = connect(port, '127.0.0.1');
    try {
      await new Promise((resolve) => socket.once('connect', resolve));
      const reply = new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
      const bounded = withTimeout(reply, { timeoutMs: 50, what: 'echo' });
      socket.write('ping');
      const until = Date.now() + 300; // a stall: the reply arrives and the timer expires meanwhile
      while (Date.now() < until);
      await expect(bounded).resolves.toBe('pong');
    } finally {
      socket.destroy();
      await store.terminate();
    }
  });

  it('counts only time the event loop was turning: a call survives stalls longer than its bound', async () => {
    let answer: (value: string) => void = () => undefined;
    const bounded = withTimeout(new Promise<string>((resolve) => (answer = resolve)), { timeoutMs: 100, what: 'a store' });
    for (let stall = 0; stall < 3; stall += 1) {
      const until = Date.now() + 150; // three stalls, each longer than the bound, with the loop turning in between
      while (Date.now() < until);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    setTimeout(() => answer('late but answered'), 10);
    await expect(bounded).resolves.toBe('late but answered');
  });

  it('refuses a call that gets no answer once the loop has turned for the bound after a stall', async () => {
    const startedAt = Date.now();
    const bounded = withTimeout(new Promise(() => undefined), { timeoutMs: 50, what: 'a silent store' });
    const until = Date.now() + 200;
    while (Date.now() < until);
    await expect(bounded).rejects.toBeInstanceOf(LimiterTimeoutError);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200 + 30);
    expect(Date.now() - startedAt).toBeLessThan(200 + 50 + 250);
  });

  it('refuses right after a stall longer than six bounds', async () => {
    const startedAt = Date.now();
    const bounded = withTimeout(new Promise(() => undefined), { timeoutMs: 30, what: 'a silent store' });
    const until = Date.now() + 400;
    while (Date.now() < until);
    await expect(bounded).rejects.toBeInstanceOf(LimiterTimeoutError);
    expect(Date.now() - startedAt).toBeLessThan(400 + 200);
  });
});
