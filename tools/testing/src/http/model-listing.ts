import { anthropicModelList, geminiModelList, openAIModel, openAIModelList } from '../models/model-list-bodies.js';
import { errorReply } from './error-reply.js';
import { errorJson, jsonReply, jsonType, type PreparedReply } from './exchange.js';
import type { MockRoute } from './recorded-request.js';

/** The reply of a model listing route; `undefined` for every other route. */
export function modelListing(models: readonly string[], route: MockRoute, pathModel: string | undefined): PreparedReply | undefined {
  if (route === 'openai.models') return jsonReply(200, openAIModelList(models));
  if (route === 'anthropic.models') return jsonReply(200, anthropicModelList(models));
  if (route === 'gemini.models') return jsonReply(200, geminiModelList(models), jsonType('gemini'));
  if (route !== 'openai.model' || pathModel === undefined) return undefined;
  if (models.includes(pathModel)) return jsonReply(200, JSON.stringify(openAIModel(pathModel)));
  return errorJson('openai', errorReply('openai', 404, `The model '${pathModel}' does not exist`));
}
