/** One problem of a router configuration, at a path such as `model_list[1].litellm_params.rpm`. */
export interface RouterConfigIssue {
  /** Where the problem is, from the top of the config (`model_list[1].litellm_params.rpm`). */
  path: string;
  /** What is wrong there. */
  message: string;
}

/** The router's configuration (`model_list`, `router_settings`) is invalid; the message lists each problem by path. */
export class RouterConfigError extends Error {
  /** Every problem found. */
  readonly issues: readonly RouterConfigIssue[];

  constructor(issues: readonly RouterConfigIssue[]) {
    super(`invalid router config:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
    this.name = 'RouterConfigError';
    this.issues = issues;
  }
}
