import { messagesErrorTypeForStatus, type MessagesError, type TollgateError } from '@tollgate/core';

/** An error as Anthropic writes it, `{"type":"error","error":{"type","message"}}`, its type read from the status. */
export function anthropicErrorBody(error: TollgateError): MessagesError {
  return { type: 'error', error: { type: messagesErrorTypeForStatus(error.status), message: error.message } };
}
