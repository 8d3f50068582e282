import type { Finding } from '~/engine/types';

/** The findings of one linted file. */
export interface FileResult {
  /** The path as given on the command line (`-` for standard input). */
  file: string;
  text: string;
  findings: Finding[];
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
