/** ANSI styling for the terminal, or plain text (not a terminal, or NO_COLOR set). */
export interface Style {
  dim(text: string): string;
  bold(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
}

const plain: Style = { dim: (text) => text, bold: (text) => text, red: (text) => text, cyan: (text) => text };

const ansi: Style = {
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  red: (text) => `\u001b[31m${text}\u001b[39m`,
  cyan: (text) => `\u001b[36m${text}\u001b[39m`,
};

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function styleFor(options: { interactive: boolean; env: NodeJS.ProcessEnv }): Style {
  return options.interactive && !options.env['NO_COLOR'] ? ansi : plain;
}
