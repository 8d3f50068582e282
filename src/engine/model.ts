import { Arg, Property, type Argument, type Dockerfile, type Env, type From, type Instruction, type JSONInstruction, type Run } from 'dockerfile-ast';
import { parseImageRef, type ImageRef } from './image';
import { parseMounts, type Mount } from './mounts';
import { logicalSource, parseCommands, scriptSpan, unwrap, type Command, type ShellSource, type Word } from './shell';
import type { LintOptions, LspRange } from './types';

/** A build stage: a FROM and the instructions after it. */
export interface Stage {
  index: number;
  /** The `AS name`, lower-cased as BuildKit compares it; null when unnamed. */
  name: string | null;
  from: From;
  /** The image text after ARG substitution. */
  imageText: string;
  /** The base image, or null when the stage starts from another stage or has no image. */
  image: ImageRef | null;
  /** The earlier stage this one is built `FROM`, if any. */
  parent: Stage | null;
  /** Instructions after the FROM, up to the next FROM. */
  instructions: Instruction[];
  isFinal: boolean;
}

export interface EnvEntry {
  name: string;
  value: string;
  instruction: Instruction;
  stage: Stage;
}

/**
 * dockerfile-ast recomputes arguments, ranges and flags from the text on every call, and rules call
 * them often. These zero-argument getters are memoised per instruction (the text never changes
 * during a lint), which is most of what keeps the engine near the cost of the parse itself.
 *
 * An instruction is memoised by giving it a prototype of our own: one per dockerfile-ast class,
 * made once, inheriting from the class's prototype and overriding these getters with versions that
 * keep their result in a slot array on the instance. That costs one prototype switch and one array
 * per instruction, where a closure per getter per instruction made a lint allocate dozens of
 * objects for each line of the Dockerfile. dockerfile-ast's own objects and prototypes are left
 * as they are: a parse made elsewhere in the process behaves exactly as before.
 */
const MEMOISED = [
  'getKeyword', 'getInstruction', 'getRange', 'getInstructionRange', 'getArguments', 'getRawArguments', 'getArgumentsRange', 'getTextContent',
  'getArgumentsContent', 'getRawArgumentsContent', 'getFlags', 'getJSONStrings', 'getProperties', 'getHeredocs',
  'getImage', 'getImageName', 'getImageTag', 'getImageRange', 'getImageTagRange', 'getImageNameRange', 'getBuildStage',
  'getBuildStageRange', 'getTriggerInstruction', 'getVariables',
] as const;
const SLOTS = Symbol('shipshape.memo');
const UNSET = Symbol('shipshape.unset');
type Memoised = Record<PropertyKey, unknown> & { [SLOTS]: unknown[] };
/**
 * dockerfile-ast reads `ARG A B` as ENV's legacy form (A set to "B"), but BuildKit declares one
 * variable per word: `ARG REGISTRY PY_TAG=3.12-slim` is REGISTRY (no default) and PY_TAG. The ARG's
 * properties are rebuilt that way when the first word has no `=` and more words follow.
 */
function argProperties(original: (this: unknown) => unknown) {
  return function (this: unknown): unknown {
    const self = this as { getPropertyArguments(): Argument[]; document: unknown; escapeChar: string };
    const args = self.getPropertyArguments();
    if (args.length < 2 || args[0]!.getValue().includes('=')) return original.call(this);
    const Ctor = Property as unknown as new (document: unknown, escapeChar: string, arg: Argument) => Property;
    return args.map((a) => new Ctor(self.document, self.escapeChar, a));
  };
}

/** Memo prototype by dockerfile-ast prototype; and the set of memo prototypes, so no instruction is memoised twice. */
const memoProtos = new WeakMap<object, object>();
const ours = new WeakSet<object>();

function memoProto(proto: object): object {
  let memo = memoProtos.get(proto);
  if (memo) return memo;
  memo = Object.create(proto) as object;
  MEMOISED.forEach((name, slot) => {
    const fn = (proto as Record<string, unknown>)[name];
    if (typeof fn !== 'function') return;
    const original = fn as (this: unknown, ...a: unknown[]) => unknown;
    // dockerfile-ast's getHeredocs() reads every argument, and throws on some broken heredocs
    // (`RUN <<EOF` then a lone `\`): no `<<` means no heredocs, and a throw means none either.
    const compute = name === 'getHeredocs'
      ? function (this: unknown) {
        if (!(this as Instruction).getTextContent().includes('<<')) return [];
        try { return original.call(this); } catch { return []; }
      }
      : name === 'getProperties' && (proto === Arg.prototype || Arg.prototype.isPrototypeOf(proto))
        ? argProperties(original)
        : original;
    // dockerfile-ast's ModifiableInstruction.getArguments() shifts the flags off the array that
    // getRawArguments() returned: each caller gets its own copy of the remembered array.
    const copy = name === 'getRawArguments';
    // dockerfile-ast's From.getImageNameRange() (behind getImageName()) moves the start and end of the
    // range getImageRange() returned, in place: each caller gets its own copy of the remembered range.
    const copyRange = name === 'getImageRange';
    Object.defineProperty(memo, name, {
      configurable: true, writable: true,
      value: function memoised(this: Memoised) {
        // eslint-disable-next-line prefer-rest-params
        if (arguments.length) return original.apply(this, arguments as unknown as unknown[]);
        const slots = this[SLOTS];
        let value = slots[slot];
        if (value === UNSET) slots[slot] = value = compute.call(this);
        if (copyRange && value) {
          const r = value as LspRange;
          return { start: { ...r.start }, end: { ...r.end } };
        }
        return copy ? (value as unknown[]).slice() : value;
      },
    });
  });
  memoProtos.set(proto, memo);
  ours.add(memo);
  return memo;
}

export function memoise(instr: object): void {
  const proto = Object.getPrototypeOf(instr) as object | null;
  if (!proto || ours.has(proto)) return;
  (instr as Memoised)[SLOTS] = new Array<unknown>(MEMOISED.length).fill(UNSET);
  Object.setPrototypeOf(instr, memoProto(proto));
}

const PYTHON_TOOLS = /^(pip(\d+(\.\d+)?)?|python(\d+(\.\d+)?)?|pypy3?|uv|uvx|poetry|pdm|pipenv|pipx|gunicorn|uvicorn|hypercorn|daphne|conda|mamba|micromamba|django-admin|flask|fastapi)$/;

/** Maps between text offsets and positions; line breaks are \n, \r\n and \r, as dockerfile-ast counts them. */
export class LineIndex {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  offset(line: number, character: number): number {
    const start = this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)] ?? 0;
    return Math.min(start + Math.max(character, 0), this.text.length);
  }
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  /** Offset just past the end of the line holding `offset`, line break included. */
  lineEnd(offset: number): number {
    const { line } = this.position(offset);
    return this.starts[line] ?? this.text.length;
  }
}

/**
 * Everything rules need to know about a Dockerfile, computed once per lint: stages and their
 * parents, the final stage, global ARGs substituted into FROM, inherited ENV and USER, and the
 * shell commands of each RUN/CMD/ENTRYPOINT.
 */
export class DockerfileModel {
  readonly instructions: Instruction[];
  readonly stages: Stage[] = [];
  readonly finalStage: Stage | null;
  readonly globalArgs = new Map<string, string | null>();
  readonly lines: LineIndex;
  readonly escapeChar: string;
  /** The file's line break (that of its first line): what inserted lines use. */
  readonly eol: '\n' | '\r\n';
  /** The day of the lint (`options.now`, else today), as YYYY-MM-DD: what end-of-life dates compare with. */
  readonly today: string;
  private readonly stageByInstruction = new Map<Instruction, Stage>();
  private readonly commandCache = new Map<Instruction, Command[]>();
  private readonly execCache = new Map<Instruction, Word[] | null>();
  /**
   * Where an unquoted `sh -c` script word ends (`sh -c gunicorn`): words inserted there go to sh,
   * not into the script, so the lint drops a fix that inserts them (see Context.report).
   */
  readonly unquotedScriptEnds = new Set<number>();
  private readonly mountCache = new Map<Run, Mount[]>();
  private readonly envCache = new Map<Stage, EnvEntry[]>();
  private readonly envByName = new Map<Stage, Map<string, EnvEntry[]>>();
  private readonly pythonCache = new Map<Stage, boolean>();

  constructor(readonly dockerfile: Dockerfile, readonly text: string, readonly options: Readonly<LintOptions> = {}) {
    this.lines = new LineIndex(text);
    this.escapeChar = dockerfile.getEscapeCharacter();
    const firstBreak = text.indexOf('\n');
    this.eol = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
    this.instructions = dockerfile.getInstructions();
    for (const instr of this.instructions) memoise(instr);
    const now = options.now ?? new Date();
    this.today = now.toISOString().slice(0, 10);
    let current: Stage | null = null;
    const stageNames = new Map<string, Stage>();
    for (const instr of this.instructions) {
      const keyword = instr.getKeyword();
      if (keyword === 'FROM') {
        const from = instr as From;
        const name = from.getBuildStage()?.toLowerCase() ?? null;
        // BuildKit removes quotes when it expands FROM (`FROM "${BASE}"`); no image reference contains one.
        const written = from.getImage() ?? '';
        const imageText = this.substitute(/["']/.test(written) ? written.replace(/["']/g, '') : written, this.globalArgs);
        const parent = stageNames.get(imageText.toLowerCase()) ?? null;
        current = {
          index: this.stages.length, name, from, imageText,
          image: parent ? null : parseImageRef(imageText, now),
          parent, instructions: [], isFinal: false,
        };
        this.stages.push(current);
        if (name !== null && !stageNames.has(name)) stageNames.set(name, current);
        this.stageByInstruction.set(instr, current);
        continue;
      }
      if (!current) {
        if (keyword === 'ARG') {
          // A default is expanded where it is declared, from the global ARGs before it, as BuildKit does
          // (`ARG BASE_IMAGE=python:${PYTHON_VERSION}-slim`, `ARG V=${V:-3.11}`).
          for (const p of (instr as Arg).getProperties()) {
            const v = p.getValue();
            this.globalArgs.set(p.getName(), v?.includes('$') ? this.substitute(v, this.globalArgs) : v);
          }
        }
        continue;
      }
      current.instructions.push(instr);
      this.stageByInstruction.set(instr, current);
    }
    const target = options.target?.toLowerCase();
    this.finalStage = (target ? this.stages.find((s) => s.name === target) : undefined) ?? this.stages[this.stages.length - 1] ?? null;
    if (this.finalStage) this.finalStage.isFinal = true;
  }

  /**
   * Expands `$X`, `${X}`, `${X:-d}`, `${X:+v}` (the word itself expanded, `${A:+-${A}}`) and the
   * prefix/suffix removals of dockerfile 1.7 (`${X#p}`, `${X##p}`, `${X%p}`, `${X%%p}`) from `vars`;
   * unknown variables, and forms not handled here, stay as written.
   */
  substitute(value: string, vars: ReadonlyMap<string, string | null>): string {
    if (!value.includes('$')) return value;
    let out = '';
    let i = 0;
    while (i < value.length) {
      const c = value[i]!;
      if (c !== '$') { out += c; i++; continue; }
      if (value[i + 1] === '{') {
        // Find the matching brace: a word may hold further ${…} expansions.
        let depth = 1;
        let j = i + 2;
        for (; j < value.length && depth > 0; j++) {
          if (value[j] === '{') depth++;
          else if (value[j] === '}') depth--;
        }
        if (depth > 0) { out += value.slice(i); break; }
        const whole = value.slice(i, j);
        out += this.expandBraced(whole, value.slice(i + 2, j - 1), vars);
        i = j;
        continue;
      }
      const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
      if (!bare) { out += c; i++; continue; }
      const v = vars.get(bare[0]);
      // A variable declared with an empty default (`ARG VARIANT=`) expands to nothing; one never given a value stays as written.
      out += v !== undefined && v !== null ? v : '$' + bare[0];
      i += 1 + bare[0].length;
    }
    return out;
  }

  private expandBraced(whole: string, body: string, vars: ReadonlyMap<string, string | null>): string {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+]|##?|%%?)([\s\S]*))?$/.exec(body);
    if (!m) return whole;
    const [, name, op, rawWord] = m as unknown as [string, string, string | undefined, string | undefined];
    const v = vars.get(name);
    const set = v !== undefined && v !== null && v !== '';
    // Without the colon, an empty value counts as set.
    const defined = v !== undefined && v !== null;
    const word = () => this.substitute(rawWord ?? '', vars);
    if (op === ':-') return set ? v! : word();
    if (op === '-') return defined ? v! : word();
    if (op === ':+') return set ? word() : '';
    if (op === '+') return defined ? word() : '';
    if (!defined) return whole;
    if (op === undefined) return v!;
    // #/## remove the shortest/longest matching prefix, %/%% the shortest/longest matching suffix.
    const pattern = globRegExp(word());
    const lengths = [...Array(v!.length + 1).keys()];
    if (op === '##' || op === '%%') lengths.reverse();
    for (const n of lengths) {
      if (op.startsWith('#') && pattern.test(v!.slice(0, n))) return v!.slice(n);
      if (op.startsWith('%') && pattern.test(v!.slice(v!.length - n))) return v!.slice(0, v!.length - n);
    }
    return v!;
  }

  stageOf(instr: Instruction): Stage | null {
    return this.stageByInstruction.get(instr) ?? null;
  }

  /** The stage and its parents, the stage itself first. */
  lineage(stage: Stage): Stage[] {
    const out: Stage[] = [];
    for (let s: Stage | null = stage; s && !out.includes(s); s = s.parent) out.push(s);
    return out;
  }

  /** Whether the stage's filesystem is part of the image that ships: the final stage or one it is built FROM. */
  ships(stage: Stage): boolean {
    this.shippedStages ??= new Set(this.finalStage ? this.lineage(this.finalStage) : []);
    return this.shippedStages.has(stage);
  }
  private shippedStages: Set<Stage> | undefined;

  /** The image at the root of the stage's parent chain. */
  baseImage(stage: Stage): ImageRef | null {
    const chain = this.lineage(stage);
    return chain[chain.length - 1]!.image;
  }

  /** ENV entries in effect for the stage, inherited ones first, in order. */
  env(stage: Stage): EnvEntry[] {
    const cached = this.envCache.get(stage);
    if (cached) return cached;
    const entries: EnvEntry[] = stage.parent && stage.parent !== stage ? [...this.env(stage.parent)] : [];
    this.envCache.set(stage, entries);
    for (const instr of stage.instructions) {
      if (instr.getKeyword() !== 'ENV') continue;
      for (const p of (instr as Env).getProperties()) {
        entries.push({ name: p.getName(), value: p.getValue() ?? '', instruction: instr, stage });
      }
    }
    return entries;
  }

  /** The value of an ENV variable in the stage (last one wins), as seen before `before` when given. */
  envValue(stage: Stage, name: string, before?: Instruction): EnvEntry | null {
    let byName = this.envByName.get(stage);
    if (!byName) {
      byName = new Map();
      for (const e of this.env(stage)) {
        const list = byName.get(e.name);
        if (list) list.push(e); else byName.set(e.name, [e]);
      }
      this.envByName.set(stage, byName);
    }
    const list = byName.get(name);
    if (!list) return null;
    if (!before) return list[list.length - 1]!;
    // Inherited entries come first, then the stage's own in text order: the last one before `before`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = list[mid]!;
      if (e.stage !== stage || this.isBefore(e.instruction, before)) lo = mid + 1; else hi = mid;
    }
    return lo > 0 ? list[lo - 1]! : null;
  }

  isBefore(a: Instruction, b: Instruction): boolean {
    const ra = a.getRange().start;
    const rb = b.getRange().start;
    return ra.line < rb.line || (ra.line === rb.line && ra.character < rb.character);
  }

  /** The last USER of the stage or its parents, with the resolved value. */
  user(stage: Stage): { value: string; instruction: Instruction } | null {
    for (const s of this.lineage(stage)) {
      for (let i = s.instructions.length - 1; i >= 0; i--) {
        const instr = s.instructions[i]!;
        if (instr.getKeyword() === 'USER') {
          const raw = instr.getArgumentsContent() ?? '';
          return { value: this.resolveInStage(raw, s, instr), instruction: instr };
        }
      }
    }
    return null;
  }

  /** The USER in effect at `instr` (set earlier in the stage or by a parent), resolved, or null when none was set. */
  userBefore(stage: Stage, instr: Instruction): string | null {
    let own = this.userCache.get(stage);
    if (!own) {
      own = stage.instructions.filter((i) => i.getKeyword() === 'USER').map((i) => ({ start: this.offsets(i.getRange()).start, instruction: i }));
      this.userCache.set(stage, own);
    }
    const at = this.offsets(instr.getRange()).start;
    let lo = 0;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own[mid]!.start < at) lo = mid + 1; else hi = mid;
    }
    const last = lo > 0 ? own[lo - 1]!.instruction : null;
    if (last) return this.resolveInStage(last.getArgumentsContent() ?? '', stage, last).trim();
    return stage.parent && stage.parent !== stage ? this.user(stage.parent)?.value.trim() ?? null : null;
  }
  private readonly userCache = new Map<Stage, Array<{ start: number; instruction: Instruction }>>();

  /** Expands variables with the stage's ARGs and ENVs in effect before `instr`. */
  resolveInStage(value: string, stage: Stage, instr: Instruction): string {
    if (!value.includes('$')) return value;
    const vars = new Map<string, string | null>(this.globalArgs);
    for (const s of [...this.lineage(stage)].reverse()) {
      for (const i of s.instructions) {
        if (s === stage && !this.isBefore(i, instr)) break;
        const k = i.getKeyword();
        if (k === 'ARG' || k === 'ENV') {
          for (const p of (i as Env).getProperties()) {
            if (k === 'ARG' && p.getValue() === null && vars.has(p.getName())) continue;
            // A default is expanded where it is declared (`ARG HOME=/home/$USER`), with what is set before it.
            const v = p.getValue();
            vars.set(p.getName(), v?.includes('$') ? this.substitute(v, vars) : v);
          }
        }
      }
    }
    return this.substitute(value, vars);
  }

  mounts(run: Run): Mount[] {
    let m = this.mountCache.get(run);
    if (!m) {
      m = parseMounts(run);
      this.mountCache.set(run, m);
    }
    return m;
  }

  /**
   * The simple commands of a RUN, CMD, ENTRYPOINT or HEALTHCHECK: shell form through the shell
   * tokenizer, exec form from its JSON strings, `sh -c '…'` and heredoc scripts included.
   */
  commands(instr: Instruction): Command[] {
    let cmds = this.commandCache.get(instr);
    if (cmds) return cmds;
    try {
      cmds = this.computeCommands(instr);
    } catch {
      cmds = [];
    }
    this.commandCache.set(instr, cmds);
    for (const c of cmds) if (c.script && !c.script.quoted) this.unquotedScriptEnds.add(c.script.end);
    if (instr.getKeyword() === 'RUN') this.resolvePrograms(instr, cmds);
    return cmds;
  }

  /**
   * A program named by a variable (`${PYTHON} -m pip install …` after `ARG PYTHON=python3`) gets the
   * name of the program the ARG or ENV in effect gives it, when that is one word; otherwise it keeps
   * the name as written.
   */
  private resolvePrograms(instr: Instruction, cmds: Command[]): void {
    for (const c of cmds) {
      if (!c.name.includes('$')) continue;
      const stage = this.stageOf(instr);
      if (!stage) return;
      const v = this.resolveInStage(c.program.value, stage, instr).trim();
      if (v && !/[\s$'"`]/.test(v)) c.name = v.slice(v.lastIndexOf('/') + 1);
    }
  }

  /** Where an instruction's command starts and ends: after the keyword and flags (or `HEALTHCHECK CMD`), or null when it has none. */
  private commandSpan(instr: Instruction): { start: number; end: number } | null {
    const r = instr.getRange();
    const end = this.lines.offset(r.end.line, r.end.character);
    // After the keyword and the flags (`RUN --mount=… pip …`), which dockerfile-ast keeps from the
    // parse, rather than through getArguments(), which it recomputes.
    if (instr.getKeyword() === 'HEALTHCHECK') {
      const args = instr.getArguments();
      const sub = args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
      if (sub < 0 || !args[sub + 1]) return null;
      return { start: this.offsets(args[sub + 1]!.getRange()).start, end };
    }
    let start = this.offsets(instr.getInstructionRange()).end;
    for (const f of 'getFlags' in instr ? (instr as Run).getFlags() : []) start = Math.max(start, this.offsets(f.getRange()).end);
    return { start, end };
  }

  /**
   * The strings of an exec-form RUN, CMD, ENTRYPOINT or `HEALTHCHECK CMD` (`["gunicorn", "app:app"]`),
   * decoded, with their offsets; null for the shell form (also for a `[` that is not a JSON array of
   * strings, which Docker runs through the shell).
   */
  execWords(instr: Instruction): Word[] | null {
    if (this.execCache.has(instr)) return this.execCache.get(instr)!;
    let words: Word[] | null = null;
    try {
      words = this.computeExecWords(instr);
    } catch {
      words = null;
    }
    this.execCache.set(instr, words);
    return words;
  }

  private computeExecWords(instr: Instruction): Word[] | null {
    const span = this.commandSpan(instr);
    if (!span) return null;
    const open = this.firstWordAt(span.start, span.end);
    if (this.text.charAt(open) !== '[') return null;
    // dockerfile-ast's getJSONValue() drops the spaces inside a string ("a b" → "ab"): decode the raw text.
    const decode = (raw: string, fallback: string) => {
      try { return JSON.parse(raw.replace(/\\\r?\n/g, '')) as string; } catch { return fallback; }
    };
    if ('getJSONStrings' in instr) {
      const json = (instr as JSONInstruction).getJSONStrings();
      if (!json.length) return null;
      return json.map((j) => {
        const { start, end } = this.offsets(j.getRange());
        const raw = this.text.slice(start, end);
        return { value: decode(raw, j.getJSONValue()), raw, start, end };
      });
    }
    // HEALTHCHECK has no JSON accessors in dockerfile-ast: the array is read with JSON.parse, and the
    // strings are found in the text in order, each checked against the parsed value.
    const raw = this.text.slice(open, span.end);
    let parsed: unknown;
    try { parsed = JSON.parse(raw.replace(this.escapeChar === '`' ? /`\r?\n/g : /\\\r?\n/g, '')); } catch { return null; }
    if (!Array.isArray(parsed) || !parsed.length || !parsed.every((v) => typeof v === 'string')) return null;
    const words: Word[] = [];
    for (const m of raw.matchAll(/"(?:[^"\\\r\n]|\\.)*"/g)) {
      const value = decode(m[0], '');
      if (value !== parsed[words.length]) return null;
      words.push({ value, raw: m[0], start: open + m.index, end: open + m.index + m[0].length });
    }
    return words.length === parsed.length ? words : null;
  }

  private computeCommands(instr: Instruction): Command[] {
    const span = this.commandSpan(instr);
    if (!span) return [];
    const { start } = span;
    let { end } = span;
    const words = this.execWords(instr);
    if (words) {
      // Through wrappers (`["tini", "--", …]`, `["dumb-init", …]`, `["env", "X=1", …]`) to the program.
      // A wrapper with nothing after it (`ENTRYPOINT ["tini", "--"]`, a CMD to come) is the program itself.
      const found = unwrap(words);
      const unwrapped = words[found.program] ? found : { env: [], wrappers: [], program: 0 };
      const program = words[unwrapped.program]!;
      const name = program.value.slice(program.value.lastIndexOf('/') + 1);
      const rest = words.slice(unwrapped.program + 1);
      // `["sh", "-c", "…"]`, also after other options: `["/bin/bash", "-o", "pipefail", "-c", "…"]`, `["sh", "-ec", "…"]`.
      const c = /^(ba|da|z|a|k)?sh$/.test(name) ? rest.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value)) : -1;
      if (c >= 0 && rest[c + 1]) {
        return execScriptCommands(rest[c + 1]!).map((cmd) => ({
          ...cmd, env: [...unwrapped.env, ...cmd.env], wrappers: [...unwrapped.wrappers, name, ...cmd.wrappers],
        }));
      }
      return [{
        name, program, args: rest, env: unwrapped.env, wrappers: unwrapped.wrappers, joinedBy: null,
        start: words[0]!.start, end: words[words.length - 1]!.end,
      }];
    }
    const firstChar = this.text.charAt(this.firstWordAt(start, end));
    if (!firstChar) return [];
    // `CMD []`: an exec form with no command.
    if (firstChar === '[' && /^\[\s*\]$/.test(logicalSource(this.text, start, end, this.escapeChar).text.trim())) return [];
    const heredocs = 'getHeredocs' in instr ? (instr as Run).getHeredocs() : [];
    const out: Command[] = [];
    const contentStart = heredocs[0]?.getContentRange()?.start ?? heredocs[0]?.getDelimiterRange()?.start;
    if (contentStart) end = Math.min(end, this.lines.offset(contentStart.line, 0));
    const src = logicalSource(this.text, start, end, this.escapeChar);
    const head = parseCommands(src);
    out.push(...head);
    // Heredoc bodies: a shell script when the heredoc is the RUN's script (`RUN <<EOF`) or fed to a shell.
    const onlyHeredoc = head.length === 0;
    const shellFed = head.some((c) => /^(ba|da|z|a|k)?sh$/.test(c.name) && c.args.every((a) => a.value.startsWith('-') || a.value.startsWith('<<')));
    for (const h of heredocs) {
      const cr = h.getContentRange();
      if (!cr || (!onlyHeredoc && !shellFed)) continue;
      const cs = this.lines.offset(cr.start.line, cr.start.character);
      const ce = this.lines.offset(cr.end.line, cr.end.character);
      const body = this.text.slice(cs, ce);
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
      if (shebang && !/(^|\/)(ba|da|z|a|k)?sh$/.test(shebang[2] && shebang[1]!.endsWith('env') ? shebang[2] : shebang[1]!)) continue;
      out.push(...parseCommands(logicalSource(this.text, cs, ce, '\\')));
    }
    return out;
  }

  /** The offset of the first character in [from, end) that is not a blank or a line continuation, or `end`. */
  private firstWordAt(from: number, end: number): number {
    const { text, escapeChar } = this;
    let i = from;
    while (i < end) {
      const c = text[i];
      if (c === ' ' || c === '\t') { i++; continue; }
      if (c === escapeChar) {
        let j = i + 1;
        while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        if (text[j] === '\n' || text[j] === '\r') { i = j + 1; continue; }
      }
      // A comment line inside the continuation.
      if (c === '#' && i > from && (text[i - 1] === '\n' || text[i - 1] === '\r' || /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i)))) {
        while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
        continue;
      }
      if (c === '\n' || c === '\r') { i++; continue; }
      return i;
    }
    return end;
  }

  /**
   * A Python stage: its base image is Python, or it (or a parent) installs an interpreter or runs
   * pip, uv, poetry, pdm, pipenv, python, gunicorn or uvicorn.
   */
  isPythonStage(stage: Stage): boolean {
    const cached = this.pythonCache.get(stage);
    if (cached !== undefined) return cached;
    this.pythonCache.set(stage, false);
    const base = this.baseImage(stage);
    let result = !!base && (/^(python|pypy)/.test(base.name) || base.path.endsWith('/uv') || base.name === 'uv');
    for (const s of this.lineage(stage)) {
      if (result) break;
      for (const instr of s.instructions) {
        const k = instr.getKeyword();
        if (k !== 'RUN' && k !== 'CMD' && k !== 'ENTRYPOINT') continue;
        if (this.commands(instr).some((c) => PYTHON_TOOLS.test(c.name) || installsPython(c))) { result = true; break; }
      }
    }
    this.pythonCache.set(stage, result);
    return result;
  }

  /** Text offsets of an LSP range. */
  offsets(range: LspRange): { start: number; end: number } {
    return {
      start: this.lines.offset(range.start.line, range.start.character),
      end: this.lines.offset(range.end.line, range.end.character),
    };
  }
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a JSON string literal as written at `start`, mapping each character to its offset (an escape maps to its last character). */
/**
 * The commands of a shell script given as an exec-form JSON string (`["sh", "-c", "exec gunicorn …"]`,
 * or a CMD string run by `ENTRYPOINT ["sh", "-c"]`), with offsets inside the string.
 */
export function execScriptCommands(script: Word): Command[] {
  const decoded = jsonStringSource(script.raw, script.start);
  const map = decoded.text === script.value ? decoded.map : Array.from({ length: script.value.length + 1 }, () => script.start);
  const span = scriptSpan(script);
  return parseCommands({ text: script.value, map }).map((cmd) => ({ ...cmd, script: cmd.script ?? span }));
}

function jsonStringSource(raw: string, start: number): ShellSource {
  let text = '';
  const map: number[] = [];
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') break;
    if (c !== '\\') { text += c; map.push(start + i); continue; }
    const e = raw[i + 1] ?? '';
    if (e === '\n' || (e === '\r' && raw[i + 2] === '\n')) { i += e === '\r' ? 2 : 1; continue; }
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
      map.push(start + i);
      continue;
    }
    text += JSON_ESCAPES[e] ?? e;
    i++;
    map.push(start + i);
  }
  map.push(map.length ? map[map.length - 1]! + 1 : start + 1);
  return { text, map };
}

function installsPython(c: Command): boolean {
  if (!/^(apt-get|apt|apk|yum|dnf|microdnf|zypper)$/.test(c.name)) return false;
  if (!c.args.some((a) => a.value === 'install' || a.value === 'add')) return false;
  // Debian/Ubuntu (`python3.11-venv`), RPM (`python38`, `python3.11-devel`) and Alpine (`py3-pip`) names.
  return c.args.some((a) => /^(python(\d+(\.\d+)?)?(-minimal|-full|-dev|-devel|-pip|-venv)?|py3-pip)(=.*)?$/.test(a.value));
}

/** A shell glob (`*`, `?`, the rest literal) as a whole-string regular expression. */
function globRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`);
}
