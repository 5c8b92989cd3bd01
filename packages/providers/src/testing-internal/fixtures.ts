import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptedResponse } from '@tollgate/testing';

/** Reads a fixture file of an adapter's `__fixtures__` folder. */
export function readFixture(fixturesDirectory: string, name: string): string {
  return readFileSync(join(fixturesDirectory, name), 'utf8');
}

/** A JSON fixture as a scripted answer. */
export function jsonReply(fixturesDirectory: string, name: string, extra: Partial<ScriptedResponse> = {}): ScriptedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: readFixture(fixturesDirectory, name),
    ...extra,
  };
}

/** An SSE fixture (`<scenario>.sse.txt`) as a scripted answer. */
export function sseReply(fixturesDirectory: string, name: string, extra: Partial<ScriptedResponse> = {}): ScriptedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    body: readFixture(fixturesDirectory, name),
    ...extra,
  };
}
