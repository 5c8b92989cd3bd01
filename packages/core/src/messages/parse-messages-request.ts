import { parseRequestBody } from '../validation/parse-request.js';
import {
  messagesCountTokensRequestSchema,
  messagesRequestSchema,
  type MessagesCountTokensRequest,
  type MessagesRequest,
} from './messages-request.js';

/** Validates a `POST /v1/messages` body; a `BadRequestError` names the first faulty param. */
export function parseMessagesRequest(body: unknown): MessagesRequest {
  return parseRequestBody(messagesRequestSchema, body);
}

/** Validates a `POST /v1/messages/count_tokens` body. */
export function parseMessagesCountTokensRequest(body: unknown): MessagesCountTokensRequest {
  return parseRequestBody(messagesCountTokensRequestSchema, body);
}
