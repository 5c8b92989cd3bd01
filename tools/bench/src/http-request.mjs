// Timed HTTP requests and port checks, loopback only.
import http from 'node:http';
import net from 'node:net';

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]|::1)$/i;

/** Parses `url` and throws unless it points at this machine: the benchmark never sends load anywhere else. */
export function assertLoopback(url, what) {
  const parsed = new URL(url);
  if (!LOOPBACK_HOST.test(parsed.hostname)) throw new Error(`${what}: ${url} is not a loopback address; refusing`);
  return parsed;
}

/** A free TCP port on 127.0.0.1 (closed again before returning, so there is a small race; fine on loopback). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

/**
 * One request with its timings: `firstByteMs` (first body byte: for a stream, the first SSE frame) and `totalMs`
 * (whole body), both from just before the request is written, measured with the monotonic clock.
 */
export function timedRequest(url, { method = 'GET', headers = {}, body, timeoutMs = 10_000, agent } = {}) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const started = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    let firstByteMs = null;
    const request = http.request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || 80,
        path: target.pathname + target.search,
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        agent,
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => {
          firstByteMs ??= elapsedMs();
          chunks.push(chunk);
        });
        response.on('end', () => {
          const totalMs = elapsedMs();
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString(), firstByteMs: firstByteMs ?? totalMs, totalMs });
        });
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** JSON body of a GET or POST, or throws with the status and body. */
export async function requestJson(url, { method = 'GET', headers = {}, body, timeoutMs = 10_000 } = {}) {
  const response = await timedRequest(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs,
  });
  if (response.status < 200 || response.status >= 300) {
    const error = new Error(`${method} ${url} → ${response.status} ${response.body.slice(0, 300)}`);
    error.status = response.status;
    throw error;
  }
  return JSON.parse(response.body);
}
