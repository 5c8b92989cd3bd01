#!/usr/bin/env node
// The floor: the cheapest Node pass-through hop we can write. It accepts a request, forwards the bytes to the
// upstream over a keep-alive pool and pipes the answer back: no body parsing, no auth, no logging. Whatever our
// proxy costs above this is ours to optimise; what this costs is the price of being a Node hop on this machine.
//
//   node floor-proxy.mjs --port 4100 --upstream http://127.0.0.1:9100
import http from 'node:http';

function parseFloorArgs(argv) {
  const values = { port: '4100', upstream: 'http://127.0.0.1:9100' };
  for (let index = 0; index < argv.length; index += 2) {
    const match = /^--(port|upstream)$/.exec(argv[index] ?? '');
    if (!match || argv[index + 1] === undefined) throw new Error(`usage: floor-proxy.mjs --port N --upstream URL (got ${argv[index]})`);
    values[match[1]] = argv[index + 1];
  }
  const upstream = new URL(values.upstream);
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(upstream.hostname)) throw new Error(`upstream ${upstream.href} is not loopback; refusing`);
  return { port: Number(values.port), upstream };
}

const { port, upstream } = parseFloorArgs(process.argv.slice(2));
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512 });
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding'];

const server = http.createServer((request, response) => {
  const headers = { ...request.headers, host: upstream.host };
  delete headers.connection;
  const upstreamRequest = http.request(
    { host: upstream.hostname, port: upstream.port || 80, method: request.method, path: request.url, headers, agent },
    (upstreamResponse) => {
      const responseHeaders = { ...upstreamResponse.headers };
      for (const name of HOP_BY_HOP) delete responseHeaders[name];
      response.writeHead(upstreamResponse.statusCode ?? 502, responseHeaders);
      upstreamResponse.pipe(response);
    },
  );
  upstreamRequest.on('error', (error) => {
    if (response.headersSent) return response.destroy();
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { message: error.message, type: 'bad_gateway', param: null, code: '502' } }));
  });
  request.pipe(upstreamRequest);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`floor-proxy listening on http://127.0.0.1:${port} -> ${upstream.origin}`));
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
