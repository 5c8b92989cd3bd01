import { z } from 'zod';

/**
 * A thinking block as LiteLLM exposes it on `message.thinking_blocks` (Anthropic-style extended thinking). Clients
 * send assistant turns back with their blocks unchanged, signature included, so the provider can verify them on
 * tool-use turns. Tolerant: only the fields we name are checked.
 */
export const thinkingBlockSchema = z.union([
  z.looseObject({
    /** Block kind: visible reasoning. */
    type: z.literal('thinking'),
    /** The reasoning text. */
    thinking: z.string(),
    /** Provider signature that must be returned unchanged. */
    signature: z.string().nullish(),
  }),
  z.looseObject({
    /** Block kind: reasoning the provider encrypted. */
    type: z.literal('redacted_thinking'),
    /** Encrypted reasoning the provider withheld; returned unchanged. */
    data: z.string(),
  }),
]);

export type ThinkingBlock = z.infer<typeof thinkingBlockSchema>;
