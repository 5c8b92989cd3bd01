import { z } from 'zod';

/** One scripted tool call: OpenAI's shape, or the short `{name, arguments}` form. */
export const mockToolCallSchema = z.union([
  z.strictObject({
    id: z.string().optional(),
    type: z.literal('function').optional(),
    function: z.strictObject({ name: z.string().min(1), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]) }),
  }),
  z.strictObject({
    id: z.string().optional(),
    name: z.string().min(1),
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
]);

/** The mock provider's own request params (provider-specific params of `mock/<name>` calls). Strict: user input. */
export const mockParamsSchema = z.looseObject({
  /** The reply text. */
  mock_response: z.string().nullish(),
  /** Tool calls to answer with while the conversation does not end with a tool result. */
  mock_tool_calls: z.array(mockToolCallSchema).nullish(),
  /** Reasoning text to attach as `reasoning_content`. */
  mock_reasoning: z.string().nullish(),
});

export type MockToolCall = z.infer<typeof mockToolCallSchema>;
