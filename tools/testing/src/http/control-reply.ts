import type { ServerResponse } from 'node:http';
import type { MockServerState } from './mock-server-state.js';
import type { MockRoute } from './recorded-request.js';

/**
 * Answers the mock's own endpoints (`GET /__stats`, `GET /__stats/reset-max`, `POST /__reset`, `GET /health`);
 * returns false for any other route. These are never recorded, counted or authenticated.
 */
export function controlReply(state: MockServerState, route: MockRoute, response: ServerResponse): boolean {
  switch (route) {
    case 'mock.health':
      send(response, 'text/plain', 'ok');
      return true;
    case 'mock.stats':
      send(response, 'application/json', JSON.stringify(state.stats));
      return true;
    case 'mock.resetMax':
      state.stats.maxInflight = state.stats.inflight;
      send(response, 'application/json', JSON.stringify(state.stats));
      return true;
    case 'mock.reset':
      state.reset();
      send(response, 'application/json', '{"ok":true}');
      return true;
    default:
      return false;
  }
}

function send(response: ServerResponse, contentType: string, body: string): void {
  response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
