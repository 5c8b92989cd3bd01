import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { startTcpRelay, type TcpRelay } from './start-tcp-relay.js';

/** An echo server that keeps its sockets, so a test can reset one from the service's side. */
async function startEcho(): Promise<{ port: number; sockets: Socket[]; server: Server }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, sockets, server };
}

async function roundTrip(port: number, text: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(text);
  const [data] = (await once(socket, 'data')) as [Buffer];
  socket.destroy();
  return data.toString();
}

describe('startTcpRelay', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  let relay: TcpRelay;
  beforeEach(async () => {
    echo = await startEcho();
    relay = await startTcpRelay({ host: '127.0.0.1', port: echo.port });
  });
  afterEach(async () => {
    await relay.close();
    echo.server.close();
  });

  it('relays bytes both ways', async () => {
    await expect(roundTrip(relay.port, 'ping')).resolves.toBe('ping');
  });

  it('drops open connections and refuses new ones while cut, then serves again on the same port', async () => {
    const open = connect(relay.port, '127.0.0.1');
    await once(open, 'connect');
    const closed = once(open, 'close');
    await relay.cut();
    await closed;
    const refused = connect(relay.port, '127.0.0.1');
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
    await relay.restore();
    await expect(roundTrip(relay.port, 'back')).resolves.toBe('back');
  });

  it("closes the client's side when the service resets the connection, as a direct connection would", async () => {
    const client = connect(relay.port, '127.0.0.1');
    await once(client, 'connect');
    client.write('hello');
    await once(client, 'data');
    const closed = once(client, 'close');
    echo.sockets[0]?.resetAndDestroy();
    await closed;
    expect(client.destroyed).toBe(true);
  });

  it("closes the service's side when the client is killed (its session must end)", async () => {
    const client = connect(relay.port, '127.0.0.1');
    await once(client, 'connect');
    client.write('hello');
    await once(client, 'data');
    const serviceSide = echo.sockets[0] as Socket;
    const closed = once(serviceSide, 'close');
    client.resetAndDestroy();
    await closed;
    expect(serviceSide.destroyed).toBe(true);
  });
});
