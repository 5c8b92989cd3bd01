import type { ResponseObject, ResponsesStreamEvent } from '@tollgate/core';
import { chatCompletionToResponse, createResponsesStreamTranslator, randomResponseId } from '@tollgate/providers';
import type { ChatAnswerFormat } from '../chat-call/chat-answer-format.js';

const frame = (event: ResponsesStreamEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
const frames = (events: readonly ResponsesStreamEvent[]) => events.map(frame).join('');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * `POST /v1/responses`' format: the chat answer as a Response, or streamed as Responses events (`event:` named, no
 * `[DONE]`). `keep` runs with the finished Response before the client sees it (stored responses are readable —
 * and continuable — as soon as the answer ends).
 */
export function responsesAnswerFormat(options: { shell: ResponseObject; keep: (response: ResponseObject) => Promise<void> }): ChatAnswerFormat {
  return {
    completion: async (result, settlement) => {
      const response = chatCompletionToResponse(result, { shell: options.shell, newId: randomResponseId, completedAt: nowSeconds(), costUsd: settlement.costUsd });
      await options.keep(response);
      return response;
    },
    openStream: () => {
      const translator = createResponsesStreamTranslator({ shell: options.shell, newId: randomResponseId });
      let started = false;
      const start = () => {
        if (started) return '';
        started = true;
        return frames(translator.start());
      };
      return {
        chunk: (chunk) => start() + frames(translator.chunk(chunk)),
        end: async ({ settlement, usage }) => {
          const opening = start();
          const ending = translator.finish({ usage, costUsd: settlement.costUsd, completedAt: nowSeconds() });
          await options.keep(translator.response());
          return opening + frames(ending);
        },
        error: (error) => start() + frames(translator.fail({ code: error.code, message: error.message, type: error.type })),
      };
    },
  };
}
