import type { ChatCompletion } from '@tollgate/core';
import type { CallMetadata } from './call-metadata.js';

/**
 * A chat completion in OpenAI's format, plus the non-enumerable `tollgate` metadata (provider, `costUsd`,
 * warnings…) that `JSON.stringify` leaves out.
 */
export type ChatCompletionResult = ChatCompletion & { readonly tollgate: CallMetadata };
