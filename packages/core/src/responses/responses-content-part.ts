import { z } from 'zod';

/** Text the client sends (`input_text`). */
export const inputTextPartSchema = z.looseObject({
  type: z.literal('input_text'),
  /** The text. */
  text: z.string(),
});

/** An image the client sends: a URL (or `data:` URL) or an uploaded file id. */
export const inputImagePartSchema = z.looseObject({
  type: z.literal('input_image'),
  /** `https://…` or `data:image/png;base64,…`. */
  image_url: z.string().nullish(),
  /** An uploaded file's id (OpenAI Files); not served by translated providers. */
  file_id: z.string().nullish(),
  /** How closely the model looks at the image. */
  detail: z.enum(['auto', 'low', 'high']).nullish(),
});

/** A file the client sends inline (base64 data) or by id. */
export const inputFilePartSchema = z.looseObject({
  type: z.literal('input_file'),
  /** Base64 data (`data:application/pdf;base64,…`). */
  file_data: z.string().nullish(),
  /** An uploaded file's id. */
  file_id: z.string().nullish(),
  /** The file's name. */
  filename: z.string().nullish(),
});

/** Text the model produced, in an assistant message (answers and replayed history alike). */
export const outputTextPartSchema = z.looseObject({
  type: z.literal('output_text'),
  /** The text. */
  text: z.string(),
  /** Citations and other annotations (empty for translated providers). */
  annotations: z.array(z.unknown()).nullish(),
  /** Token log probabilities (empty unless asked for). */
  logprobs: z.array(z.unknown()).nullish(),
});

/** A refusal the model produced instead of an answer. */
export const refusalPartSchema = z.looseObject({
  type: z.literal('refusal'),
  /** The refusal text. */
  refusal: z.string(),
});

/** Any content part of an input message. */
export const responsesInputContentPartSchema = z.discriminatedUnion('type', [
  inputTextPartSchema,
  inputImagePartSchema,
  inputFilePartSchema,
  outputTextPartSchema,
  refusalPartSchema,
]);

/** A content part of an output message. */
export const responsesOutputContentPartSchema = z.discriminatedUnion('type', [outputTextPartSchema, refusalPartSchema]);

export type InputTextPart = z.infer<typeof inputTextPartSchema>;
export type InputImagePart = z.infer<typeof inputImagePartSchema>;
export type InputFilePart = z.infer<typeof inputFilePartSchema>;
export type OutputTextPart = z.infer<typeof outputTextPartSchema>;
export type RefusalPart = z.infer<typeof refusalPartSchema>;
export type ResponsesInputContentPart = z.infer<typeof responsesInputContentPartSchema>;
export type ResponsesOutputContentPart = z.infer<typeof responsesOutputContentPartSchema>;
