import type { ServerResponse } from 'node:http';
import type { MockBehaviour } from '../behaviour/mock-behaviour.js';
import { deliverBody, deliverFrames, type Delivery, type DeliveryOutcome } from './deliver-reply.js';
import type { PreparedReply } from './exchange.js';
import type { MockServerState } from './mock-server-state.js';
import type { WireFormat } from './recorded-request.js';
import { requestIdHeader } from './request-identity.js';

/** Sends a prepared reply, paced and cut as the behaviour (or the server's defaults) says, and counts the outcome. */
export async function replyToClient(options: {
  state: MockServerState;
  response: ServerResponse;
  prepared: PreparedReply;
  behaviour: MockBehaviour | undefined;
  format: WireFormat;
}): Promise<void> {
  const { state, prepared, behaviour } = options;
  const headers: Record<string, string> = { 'content-type': prepared.contentType };
  if (prepared.kind === 'frames') headers['cache-control'] = 'no-cache';
  Object.assign(headers, requestIdHeader(options.format, state.ids.next('', 24)), behaviour?.headers);
  const delivery: Delivery = {
    delayMs: behaviour?.delayMs ?? state.settings.delayMs,
    chunkDelayMs: behaviour?.chunkDelayMs ?? state.settings.chunkDelayMs,
    disconnectAfterChunks: behaviour?.disconnectAfterChunks,
    headers,
  };
  let outcome: DeliveryOutcome;
  if (prepared.status >= 400) state.stats.errors += 1;
  if (prepared.kind === 'frames') {
    outcome = await deliverFrames(options.response, { status: prepared.status, frames: prepared.frames, separateWrites: prepared.separateWrites ?? false, delivery });
  } else {
    outcome = await deliverBody(options.response, { status: prepared.status, body: prepared.body, delivery });
  }
  if (outcome === 'disconnected') state.stats.disconnects += 1;
}
