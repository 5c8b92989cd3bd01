/** Not served yet: issue 19 adds `/` and `/openapi.json`; set this then and the banner prints its URL. */
const API_DOCS_PATH: string | undefined = undefined;

export interface StartBannerFacts {
  version: string;
  /** `http://host:port` */
  url: string;
  /** From `describeDatabase`. */
  database: string;
  /** From `describeMasterKey`. */
  masterKey: string;
  startupMs: number;
}

/** The human lines `pnpm start` prints once the proxy answers: where to send requests, where data goes, which key. */
export function formatStartBanner(facts: StartBannerFacts): string {
  const apiDocs = API_DOCS_PATH === undefined ? 'not served yet' : `${facts.url}${API_DOCS_PATH}`;
  return [
    `Tollgate proxy ${facts.version} ready in ${(facts.startupMs / 1000).toFixed(1)} s`,
    `  OpenAI base URL: ${facts.url}/v1`,
    `  health:          ${facts.url}/health/liveliness`,
    `  API docs:        ${apiDocs}`,
    `  database:        ${facts.database}`,
    `  master key:      ${facts.masterKey}`,
    '',
  ].join('\n');
}
