import { BadRequestError, type AssistantMessage, type ChatMessage, type TextContentPart, type UserContentPart } from '@tollgate/core';
import type { GeminiContent, GeminiPart } from './gemini-api.js';
import { geminiEchoId, parseGeminiToolCallId } from './gemini-tool-call-id.js';

/** OpenAI messages split the way Gemini wants them. */
export interface GeminiConversation {
  /** System and developer messages as one `systemInstruction`, undefined when there are none. */
  readonly systemInstruction: { parts: { text: string }[] } | undefined;
  /** Alternating `user`/`model` turns. */
  readonly contents: GeminiContent[];
}

const DATA_URL_PATTERN = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

/** MIME types by file extension, for URL parts (Gemini's `fileData` needs one). */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  pdf: 'application/pdf',
  mp3: 'audio/mp3',
  wav: 'audio/wav',
  mp4: 'video/mp4',
};

function textOf(content: string | readonly TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

/** A `data:` URL → `inlineData`; any other URL (Files API `https://…/files/…`, `gs://`, public URL) → `fileData`. */
function toMediaPart(reference: string, mimeTypeHint: string | null | undefined, fallbackMimeType: string): GeminiPart {
  const dataUrl = DATA_URL_PATTERN.exec(reference);
  if (dataUrl) return { inlineData: { mimeType: dataUrl[1] ?? fallbackMimeType, data: dataUrl[2] ?? '' } };
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(reference)?.[1]?.toLowerCase();
  const mimeType = mimeTypeHint ?? (extension ? MIME_BY_EXTENSION[extension] : undefined) ?? fallbackMimeType;
  return { fileData: { mimeType, fileUri: reference } };
}

function toUserPart(part: UserContentPart): GeminiPart {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image_url': {
      const image = part.image_url;
      return typeof image === 'string' ? toMediaPart(image, null, 'image/jpeg') : toMediaPart(image.url, image.format, 'image/jpeg');
    }
    case 'input_audio':
      return { inlineData: { mimeType: `audio/${part.input_audio.format}`, data: part.input_audio.data } };
    case 'file': {
      const file = part.file;
      const mimeType = file.format ?? 'application/pdf';
      if (file.file_data) return toMediaPart(file.file_data.startsWith('data:') ? file.file_data : `data:${mimeType};base64,${file.file_data}`, mimeType, mimeType);
      return { fileData: { mimeType, fileUri: file.file_id ?? '' } };
    }
  }
}

/** Tool-call arguments (a JSON string) as the `args` object Gemini wants. */
function parseArguments(argumentsJson: string, param: string): unknown {
  if (argumentsJson.trim() === '') return {};
  try {
    return JSON.parse(argumentsJson);
  } catch {
    throw new BadRequestError('Tool call arguments must be valid JSON to be sent to Gemini', { param });
  }
}

/** An assistant turn: its text, then one `functionCall` per tool call with the signature its id carries. */
function toModelParts(message: AssistantMessage, param: string): GeminiPart[] {
  const parts: GeminiPart[] = [];
  const content = message.content;
  const text =
    typeof content === 'string' ? content : (content ?? []).map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
  if (text !== '') parts.push({ text });
  (message.tool_calls ?? []).forEach((toolCall, index) => {
    const { thoughtSignature } = parseGeminiToolCallId(toolCall.id);
    const echoId = geminiEchoId(toolCall.id);
    const functionCall = {
      name: toolCall.function.name,
      args: parseArguments(toolCall.function.arguments, `${param}.tool_calls[${index}].function.arguments`),
      ...(echoId ? { id: echoId } : {}),
    };
    parts.push(thoughtSignature ? { functionCall, thoughtSignature } : { functionCall });
  });
  return parts;
}

/** Tool-call id → function name, from the assistant turns, since Gemini's `functionResponse` names the function. */
function toolNamesById(messages: readonly ChatMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const toolCall of message.tool_calls ?? []) names.set(toolCall.id, toolCall.function.name);
  }
  return names;
}

/**
 * OpenAI messages → Gemini `systemInstruction` + `contents`. Tool results become `functionResponse` parts in a
 * user turn (`response: {output: <text>}`, the key Google documents for results), named after the call they
 * answer; consecutive turns of one role are merged, so parallel results travel together as Gemini requires.
 */
export function toGeminiConversation(messages: readonly ChatMessage[]): GeminiConversation {
  const systemTexts: string[] = [];
  const contents: GeminiContent[] = [];
  const toolNames = toolNamesById(messages);
  const append = (role: GeminiContent['role'], parts: GeminiPart[]): void => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        systemTexts.push(textOf(message.content));
        break;
      case 'user':
        append('user', typeof message.content === 'string' ? [{ text: message.content }] : message.content.map(toUserPart));
        break;
      case 'assistant':
        append('model', toModelParts(message, param));
        break;
      case 'tool': {
        const name = toolNames.get(message.tool_call_id) ?? (typeof message['name'] === 'string' ? message['name'] : undefined);
        if (!name) {
          throw new BadRequestError('Gemini needs the tool name of each tool result: no earlier assistant tool call has this id', {
            param: `${param}.tool_call_id`,
          });
        }
        const echoId = geminiEchoId(message.tool_call_id);
        append('user', [
          { functionResponse: { name, response: { output: textOf(message.content) }, ...(echoId ? { id: echoId } : {}) } },
        ]);
        break;
      }
      case 'function':
        append('user', [{ functionResponse: { name: message.name, response: { output: message.content ?? '' } } }]);
        break;
    }
  });
  const systemText = systemTexts.filter((text) => text !== '').join('\n\n');
  return { systemInstruction: systemText ? { parts: [{ text: systemText }] } : undefined, contents };
}
