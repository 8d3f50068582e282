import type {
  Add, Arg, Cmd, Copy, Entrypoint, Env, From, Healthcheck, Instruction, Label, Onbuild, Run,
  Shell, Stopsignal, User, Volume, Workdir,
} from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';

/** How bad a finding is: error (the build or container breaks), warning (a real cost), info (a trade-off), style. */
export type Severity = 'error' | 'warning' | 'info' | 'style';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** What kind of rule it is, kept apart from severity (as ESLint's meta.type). */
export type RuleType = 'problem' | 'suggestion' | 'layout';

/** The area a rule is about; the /rules/ index filters by it. */
export type Category =
  | 'base-image' | 'dependencies' | 'cache' | 'apt' | 'multi-stage' | 'runtime'
  | 'security' | 'size' | 'reproducibility' | 'correctness' | 'style' | 'context';

/** Which stages a rule judges: all of them, only the final one (the image that ships), or the file as a whole. */
export type Scope = 'all-stages' | 'final-stage' | 'file';

/** A tool whose rule overlaps ours, written `tool:ID` (e.g. `hadolint:DL3042`, `buildkit:JSONArgsRecommended`). */
export type SourceRef = `${'hadolint' | 'buildkit' | 'trivy' | 'checkov' | 'tally' | 'shellcheck'}:${string}`;

/** A 1-based position; column counts UTF-16 code units, as ESLint, Monaco and SARIF do. */
export interface Position { line: number; column: number }

/** Replace text[start, end) with `text`; offsets are UTF-16 code units into the linted text. */
export interface TextEdit { start: number; end: number; text: string }

/** A fix is a list of edits. `safe` fixes are applied by `--fix` and quick fixes; `unsafe` ones are suggestions. */
export interface Fix { title: string; safety: 'safe' | 'unsafe'; edits: TextEdit[] }

/** One problem found in a Dockerfile; the CLI's JSON output is an array of these (plus `file`). */
export interface Finding {
  rule: string;
  /** Which of the rule's messages this is (as ESLint's messageId). */
  messageId: string;
  severity: Severity;
  message: string;
  /** 1-based line and column; the end column is exclusive, as ESLint's. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets of the same range in the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  sources: SourceRef[];
  url: string;
  /** A provably safe fix. */
  fix?: Fix;
  /** Fixes that change behaviour and need a person to decide. */
  suggestions?: Fix[];
}

export interface RuleMeta<MessageIds extends string = string> {
  type: RuleType;
  /** Default severity; a config can override it. */
  severity: Severity;
  /** Starts with a verb ("Require …", "Disallow …"), no trailing period. */
  description: string;
  category: Category;
  scope: Scope;
  /** Off unless a config turns it on (contested or configured rules). */
  enabledByDefault?: boolean;
  /** Whether findings carry a fix, and of which safety. */
  fixable?: 'safe' | 'unsafe';
  sources?: SourceRef[];
  /** Message templates keyed by message id; `{{name}}` placeholders are filled from `data`. */
  messages: Record<MessageIds, string>;
  /** Set false to keep the rule out of ONBUILD triggers. */
  onbuild?: boolean;
}

/** A 0-based LSP range as dockerfile-ast returns it. */
export interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }

export type ReportRange = LspRange | { start: number; end: number };

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** The narrowest span that shows the problem: an LSP range or text offsets. */
  range: ReportRange;
  fix?: Omit<Fix, 'safety'> & { safety?: 'safe' };
  suggestions?: Array<Omit<Fix, 'safety'>>;
}

/** The instruction class each visitor key receives (dockerfile-ast's typed classes). */
export interface InstructionMap {
  ADD: Add; ARG: Arg; CMD: Cmd; COPY: Copy; ENTRYPOINT: Entrypoint; ENV: Env; EXPOSE: Instruction;
  FROM: From; HEALTHCHECK: Healthcheck; LABEL: Label; MAINTAINER: Instruction; ONBUILD: Onbuild;
  RUN: Run; SHELL: Shell; STOPSIGNAL: Stopsignal; USER: User; VOLUME: Volume; WORKDIR: Workdir;
}
export type Keyword = keyof InstructionMap;

export type Visitors = {
  [K in Keyword]?: (node: InstructionMap[K], stage: Stage) => void;
} & {
  /** Any instruction, including unknown keywords. */
  '*'?: (node: Instruction, stage: Stage | null) => void;
  /** Called once after every instruction was visited, with the final stage (last, or `--target`) when there is one. */
  FinalStage?: (stage: Stage) => void;
  /** Called once after every instruction was visited. */
  'Dockerfile:exit'?: () => void;
};

export interface LintOptions {
  /** The `.dockerignore` text, if there is one. */
  dockerignore?: string | null;
  /** The build target (`--target`); the final stage otherwise is the last one. */
  target?: string;
  /** The day the lint runs (end-of-life rules compare against it). */
  now?: Date;
  /** Per-rule severity override, or 'off'. */
  rules?: Record<string, Severity | 'off' | 'on'>;
  /** Settings that configured rules read (label schema, trusted registries, …). */
  settings?: Record<string, unknown>;
  /** Ignore inline suppression comments. */
  noInlineIgnores?: boolean;
}

export interface RuleContext<MessageIds extends string> {
  readonly model: DockerfileModel;
  readonly text: string;
  readonly options: Readonly<LintOptions>;
  /** True while visiting an instruction inside an ONBUILD trigger. */
  readonly inOnbuild: boolean;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

export interface RuleModule<MessageIds extends string = string> {
  name: string;
  meta: RuleMeta<MessageIds>;
  create(context: RuleContext<MessageIds>): Visitors;
}
