import type { Confirm } from '../tools/confirm.js';
import type { Prompter } from './prompter.js';
import type { Style } from './style.js';

/**
 * Asks `<question> [y/N]` and approves only on y/yes; ended input counts as no. Questions from tools running in
 * parallel are asked one after the other.
 */
export function confirmWithPrompter(prompter: Prompter, style: Style, beforeAsking: () => void): Confirm {
  let queue: Promise<unknown> = Promise.resolve();
  return (question) => {
    const asked = queue.then(async () => {
      beforeAsking();
      const answer = await prompter.ask(`${style.bold('?')} ${question} ${style.dim('[y/N]')} `);
      return answer !== null && /^\s*y(es)?\s*$/i.test(answer);
    });
    queue = asked.catch(() => undefined);
    return asked;
  };
}
