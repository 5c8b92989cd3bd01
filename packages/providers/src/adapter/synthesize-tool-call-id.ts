import { randomBytes } from 'node:crypto';

/**
 * A tool-call id for providers that send none (Gemini, Ollama): `call_` plus 24 random base62-ish characters,
 * shaped like OpenAI's so clients that validate ids accept it.
 */
export function synthesizeToolCallId(): string {
  return `call_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
}
