import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { joinUrl } from '../../adapter/join-url.js';
import { createOpenAIDialectAdapter } from '../openai/create-openai-dialect-adapter.js';
import { isOpenAIReasoningModel, openAISupportedParams } from '../openai/openai-supported-params.js';

/**
 * Azure OpenAI (https://learn.microsoft.com/azure/ai-services/openai/reference). OpenAI's dialect on a per-resource
 * URL: the model name is the deployment (`azure/<deployment>`), which goes in the path, the version in
 * `?api-version=`, and the key in an `api-key` header. Content-filter refusals come back as 400 `content_filter`
 * (mapped by the OpenAI error mapping). Deployments are usually named after their model, which is what the
 * supported-params check assumes.
 */
export const azureAdapter = createOpenAIDialectAdapter({
  id: 'azure',
  displayName: 'Azure OpenAI',
  envKeys: ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'],
  apiKeyRequired: true,
  apiBaseEnv: ['AZURE_API_BASE', 'AZURE_OPENAI_ENDPOINT'],
  defaultApiBase: undefined,
  apiVersionEnv: ['AZURE_API_VERSION', 'OPENAI_API_VERSION'],
  defaultApiVersion: '2024-10-21',
  authScheme: { kind: 'header', name: 'api-key' },
  supportedParams: openAISupportedParams,
  modelInBody: false,
  chatUrl: (context) => deploymentUrl(context, 'chat/completions'),
  embeddingUrl: (context) => deploymentUrl(context, 'embeddings'),
  quirks: {
    maxTokensField: (model) => (isOpenAIReasoningModel(model) ? 'max_completion_tokens' : undefined),
  },
});

function deploymentUrl(context: AdapterCallContext, operation: string): string {
  const path = `openai/deployments/${encodeURIComponent(context.model)}/${operation}`;
  const version = context.apiVersion ? `?api-version=${encodeURIComponent(context.apiVersion)}` : '';
  return `${joinUrl(context.apiBase, path)}${version}`;
}
