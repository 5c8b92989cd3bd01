import { createServer, type AddressInfo, type Socket } from 'node:net';

/** A server that accepts TCP connections and never answers. */
export interface SilentServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a server that accepts connections and never answers (a Redis that hangs), on a free loopback port. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
