import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP relay in front of a real service (Redis, PostgreSQL), which a test can cut — every connection
 * dropped, the port closed — and restore on the same port: a service that goes away mid-burst and comes back.
 */
export interface TcpRelay {
  readonly port: number;
  /** Drops every connection and refuses new ones until `restore`. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a relay to `target` on a free loopback port. */
export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const listening = createServer((client) => {
        const upstream = createConnection(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        // A side that closes, also abruptly (a killed process resets its socket, and pipe() does not end the other
        // side on an error), takes the other down, as a direct connection would: PostgreSQL must see a killed
        // worker's session end, or its open transaction keeps its row locks and blocks the next worker.
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        listening.off('error', reject);
        server = listening;
        port = (listening.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    const stopping = server;
    server = undefined;
    await new Promise<void>((resolve) => (stopping ? stopping.close(() => resolve()) : resolve()));
  };
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
}
