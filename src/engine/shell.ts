import { parse as shellParse } from 'shell-quote';

/**
 * Shell commands inside RUN, with exact source offsets.
 *
 * The split into words and operators keeps offsets; the meaning of each word (quote removal,
 * escapes, `$'…'`) comes from `shell-quote`, the maintained tokenizer. `$VAR` stays as written.
 */

/** A word of a command: its unquoted value and where it stands in the Dockerfile text. */
export interface Word {
  value: string;
  /** The word as written, quotes included. */
  raw: string;
  start: number;
  end: number;
}

/** One simple command: `env X=1 pip install -r req.txt` → name `pip`, args `install -r req.txt`. */
export interface Command {
  /** Basename of the program: `/venv/bin/pip` → `pip`. */
  name: string;
  /** The program word. */
  program: Word;
  args: Word[];
  /** Assignments in front of the command (`X=1 cmd`, `env X=1 cmd`). */
  env: Word[];
  /** Wrappers seen through (`env`, `sudo`, `exec`, `sh -c`). */
  wrappers: string[];
  /** The operator that joins it to the previous command (`&&`, `||`, `;`, `|`, newline as `;`), or null. */
  joinedBy: string | null;
  /** Offsets spanning the whole command. */
  start: number;
  end: number;
  /**
   * For a command read from an `sh -c` script: whether the script word is quoted, and the offset
   * where its text ends (the closing quote, or the end of an unquoted word).
   */
  script?: { quoted: boolean; end: number };
  /** Set when the command is in the `then`/`elif`/`else` body of an `if`: it may not run. */
  branch?: true;
}

/** The script span of an `sh -c` word: inside its quotes when it is quoted as a whole. */
export function scriptSpan(word: Word): { quoted: boolean; end: number } {
  const q = word.raw[0];
  const quoted = (q === "'" || q === '"') && word.raw.length > 1 && word.raw.endsWith(q);
  return { quoted, end: quoted ? word.end - 1 : word.end };
}

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string; start: number; end: number };

/**
 * A slice of the Dockerfile text turned into shell source: line continuations and comment
 * lines inside them are removed, and `map[i]` is the Dockerfile offset of source character i.
 */
export interface ShellSource {
  text: string;
  map: number[];
}

/** Builds a ShellSource from `text[start, end)`, removing `<escape><newline>` and comment lines of a continued instruction. */
export function logicalSource(text: string, start: number, end: number, escapeChar = '\\', removeContinuations = true): ShellSource {
  let out = '';
  const map: number[] = [];
  let i = start;
  let lineStart = true;
  while (i < end) {
    const ch = text[i]!;
    if (removeContinuations && lineStart) {
      // A comment line or an empty line inside a continued instruction is dropped.
      let j = i;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && text[j] === '#' && i !== start) {
        while (j < end && text[j] !== '\n' && text[j] !== '\r') j++;
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        continue;
      }
      // An empty line inside a continued instruction is skipped too (the next line still continues it).
      if (j < end && (text[j] === '\n' || text[j] === '\r') && i !== start) {
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        continue;
      }
    }
    lineStart = false;
    if (removeContinuations && ch === escapeChar) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j >= end || text[j] === '\n' || text[j] === '\r') {
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        lineStart = true;
        continue;
      }
    }
    out += ch;
    map.push(i);
    i++;
  }
  map.push(end);
  return { text: out, map };
}

const OPERATORS = ['&&', '||', ';;', '|&', '>>', '>&', '<&', '<<<', '<<', '&>', '&', ';', '|', '(', ')', '<', '>'];
/** The characters an operator can start with. */
const OPERATOR_START = '&|;<>()';
const REDIRECTS = new Set(['>>', '>&', '<&', '<', '>', '&>', '<<<']);
const SEPARATORS = new Set(['&&', '||', ';;', '|&', '&', ';', '|', '(', ')', '\n']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'select', 'case', 'esac', '!', '{', '}', 'time']);

/**
 * The index after the double-quoted string opening at `src[i]`. A command substitution inside it has
 * its own quoting (`"$(awk -F'"' …)"`: the `"` in single quotes does not close the string).
 */
function skipDoubleQuoted(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && src[j] !== '"') {
    if (src[j] === '\\') j += 2;
    else if (src[j] === '$' && src[j + 1] === '(') j = skipSubstitution(src, j);
    else j++;
  }
  return Math.min(src.length, j + 1);
}

/** The index after the command substitution `$(…)` opening at `src[i]`, its quotes and nesting included. */
function skipSubstitution(src: string, i: number): number {
  let j = i + 2;
  for (let depth = 1; j < src.length;) {
    const c = src[j]!;
    if (c === '\\') { j += 2; continue; }
    if (c === "'") { const close = src.indexOf("'", j + 1); j = close < 0 ? src.length : close + 1; continue; }
    if (c === '"') { j = skipDoubleQuoted(src, j); continue; }
    if (c === '$' && src[j + 1] === '(') { j = skipSubstitution(src, j); continue; }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
    j++;
  }
  return src.length;
}

/** Splits shell source into words and operators with offsets into the source text. Never throws. */
function scan(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue; }
    if (ch === '\n') { tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 }); i++; continue; }
    if (ch === '#') {
      // A comment runs to the end of the line.
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    // fd-prefixed redirection: 2>&1, 2>/dev/null
    const fd = ch >= '0' && ch <= '9' ? /^\d+(?=[<>])/.exec(src.slice(i, i + 4)) : null;
    const opStart = fd ? i + fd[0].length : i;
    const op = fd || OPERATOR_START.includes(ch) ? OPERATORS.find((o) => src.startsWith(o, opStart)) : undefined;
    if (op && (fd || opStart === i)) {
      let end = opStart + op.length;
      if (op === '<<' && src[end] === '-') end++;
      tokens.push({ kind: 'op', op: op === '<<' ? '<<' : op, start: i, end });
      i = end;
      continue;
    }
    // A word: up to unquoted whitespace or operator.
    const start = i;
    let depth = 0;
    while (i < n) {
      const c = src[i]!;
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === ')' || (c === '(' && i === start))) break;
      if (c === '\\') { i += 2; continue; }
      if (c === "'") {
        const close = src.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (c === '"') { i = skipDoubleQuoted(src, i); continue; }
      if (c === '`') {
        let j = i + 1;
        while (j < n && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
        i = Math.min(n, j + 1);
        continue;
      }
      if (c === '$' && src[i + 1] === '(') { depth++; i += 2; continue; }
      if (c === '$' && src[i + 1] === '{') {
        const close = src.indexOf('}', i + 2);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (c === '(' && depth > 0) { depth++; i++; continue; }
      if (c === ')' && depth > 0) { depth--; i++; continue; }
      i++;
    }
    if (i === start) { i++; continue; }
    const raw = src.slice(start, Math.min(i, n));
    tokens.push({ kind: 'word', word: { value: unquote(raw), raw, start, end: Math.min(i, n) } });
  }
  return tokens;
}

/** Removes quotes and escapes the way the shell would, through shell-quote; variables stay as written. */
export function unquote(raw: string): string {
  if (!/['"\\$`]/.test(raw)) return raw;
  // shell-quote splits command substitutions into words and operators: remove the quotes ourselves.
  if (raw.includes('$(') || raw.includes('`')) return decodeShellWord(raw, 0).text;
  // Only quotes to remove (no variables or escapes): the same result without the tokenizer's cost.
  if (!raw.includes('$') && !raw.includes('\\')) return decodeShellWord(raw, 0).text;
  try {
    const parts = shellParse(raw, (key: string) => `$${key}`);
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else if ('pattern' in p) out += p.pattern;
      else if ('op' in p) out += p.op;
    }
    return out;
  } catch {
    return raw.replace(/^['"]|['"]$/g, '');
  }
}

/** Parses shell source into simple commands; offsets are mapped through `src.map`. */
export function parseCommands(src: ShellSource, depth = 0): Command[] {
  const tokens = scan(src.text);
  const commands: Command[] = [];
  const at = (i: number) => src.map[Math.min(i, src.map.length - 1)] ?? 0;
  let words: Word[] = [];
  let joinedBy: string | null = null;
  let pendingJoin: string | null = null;
  // One entry per open `if`: whether its current part is a body (`then`, `else`) rather than a condition.
  const ifs: boolean[] = [];
  // One entry per open `case`: reading `case WORD in`, a pattern list up to `)`, or the commands of an arm.
  const cases: Array<'head' | 'pattern' | 'body'> = [];
  const flush = () => {
    if (words.length) {
      const built = buildCommands(words, joinedBy, src, depth);
      if (ifs.includes(true) || cases.length) for (const c of built) c.branch = true;
      commands.push(...built);
      joinedBy = null;
    }
    words = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const inCase = cases[cases.length - 1];
    // `case "$arch" in amd64|x86_64) …;; esac`: the subject and the patterns are not commands, and the
    // `|` between patterns is not a pipe.
    if (inCase === 'head' || inCase === 'pattern') {
      if (t.kind === 'word' && inCase === 'head' && t.word.value === 'in') cases[cases.length - 1] = 'pattern';
      else if (t.kind === 'word' && inCase === 'pattern' && t.word.value === 'esac') cases.pop();
      else if (t.kind === 'op' && inCase === 'pattern' && t.op === ')') {
        cases[cases.length - 1] = 'body';
        joinedBy = ';';
      }
      continue;
    }
    if (inCase === 'body' && ((t.kind === 'op' && t.op === ';;') || (t.kind === 'word' && words.length === 0 && t.word.value === 'esac'))) {
      flush();
      if (t.kind === 'op') cases[cases.length - 1] = 'pattern'; else cases.pop();
      joinedBy = ';';
      continue;
    }
    if (t.kind === 'op') {
      if (REDIRECTS.has(t.op)) {
        // Skip the redirect target.
        if (tokens[k + 1]?.kind === 'word') k++;
        continue;
      }
      if (t.op === '<<') {
        if (tokens[k + 1]?.kind === 'word') k++;
        continue;
      }
      if (SEPARATORS.has(t.op)) {
        // A line break before the first command, or after `&&`, `||`, `|`, `;`, joins nothing.
        if (t.op === '\n' && words.length === 0 && (joinedBy !== null || commands.length === 0)) continue;
        flush();
        pendingJoin = t.op === '\n' ? ';' : t.op;
        joinedBy = pendingJoin;
      }
      continue;
    }
    const w = t.word;
    // A bash array assignment (`PKGS=( sudo wget )`, `A+=(x y)`): its elements, up to the `)`, are words, not commands.
    if (/^[A-Za-z_][A-Za-z0-9_]*\+?=\(/.test(w.raw) && words.every((x) => /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(x.value))) {
      while (k + 1 < tokens.length && !(tokens[k + 1]!.kind === 'op' && (tokens[k + 1] as { op: string }).op === ')')) k++;
      k++;
      continue;
    }
    if (words.length === 0 && KEYWORDS.has(w.value)) {
      if (w.value === 'case') { cases.push('head'); continue; }
      // `for pkg in $PACKAGES; do`: the loop variable and its word list are not a command.
      if (w.value === 'for' || w.value === 'select') {
        for (let n = tokens[k + 1]; n && !(n.kind === 'word' && n.word.value === 'do'); n = tokens[k + 1]) k++;
        joinedBy = ';';
        continue;
      }
      if (w.value === 'if') ifs.push(false);
      else if (w.value === 'fi') ifs.pop();
      else if (ifs.length && (w.value === 'then' || w.value === 'else' || w.value === 'elif')) ifs[ifs.length - 1] = w.value !== 'elif';
      continue;
    }
    words.push({ ...w, start: at(w.start), end: at(w.end - 1) + 1 });
  }
  flush();
  return commands;
}

const WRAPPERS = new Set(['env', 'sudo', 'exec', 'command', 'nohup', 'nice', 'stdbuf', 'time', 'timeout', 'xargs', 'gosu', 'su-exec', 'tini', 'dumb-init']);
/** Wrapper options that take the next word as their value (`sudo -u app`, `xargs -n 1`, `timeout -s KILL`). */
const WRAPPER_OPTS_WITH_VALUE: Record<string, RegExp> = {
  sudo: /^-[ugCDhprRT]$/,
  nice: /^-n$/,
  env: /^-[uCS]$/,
  xargs: /^-[aEdILnPs]$|^--(arg-file|delimiter|max-lines|max-args|max-procs|max-chars|process-slot-var)$/,
  stdbuf: /^-[ioe]$/,
  time: /^-[fo]$|^--(format|output)$/,
  timeout: /^-[sk]$|^--(signal|kill-after)$/,
};
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);

function basename(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

/**
 * Sees through the wrappers in front of a command (`env X=1`, `sudo -u app`, `exec`, `tini --`,
 * `dumb-init`, `gosu app`): the assignments and wrapper names met, and the index of the program.
 */
export function unwrap(all: readonly Word[]): { env: Word[]; wrappers: string[]; program: number } {
  let i = 0;
  const env: Word[] = [];
  const wrappers: string[] = [];
  for (;;) {
    while (i < all.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(all[i]!.value)) env.push(all[i++]!);
    const w = all[i];
    if (!w) break;
    const name = basename(w.value);
    if (!WRAPPERS.has(name)) break;
    // `command -v curl` asks whether curl exists; it does not run it.
    if (name === 'command') {
      let j = i + 1;
      while (j < all.length && /^-[pvV]+$/.test(all[j]!.value) && !/[vV]/.test(all[j]!.value)) j++;
      if (/^-[pvV]*[vV][pvV]*$/.test(all[j]?.value ?? '')) break;
    }
    wrappers.push(name);
    i++;
    // Skip the wrapper's own options (`env -i`, `sudo -u app`, `nice -n 5`, `gosu app`).
    if (name === 'gosu' || name === 'su-exec') { i++; continue; }
    while (i < all.length && all[i]!.value.startsWith('-')) {
      const opt = all[i]!.value;
      i++;
      if (WRAPPER_OPTS_WITH_VALUE[name]?.test(opt)) i++;
      if (opt === '--') break;
    }
    // `timeout 30s cmd`: the duration comes before the program.
    if (name === 'timeout' && i < all.length && /^\d/.test(all[i]!.value)) i++;
  }
  return { env, wrappers, program: i };
}

function buildCommands(all: Word[], joinedBy: string | null, src: ShellSource, depth: number): Command[] {
  const { env, wrappers, program: i } = unwrap(all);
  const program = all[i];
  const start = all[0]!.start;
  const end = all[all.length - 1]!.end;
  if (!program) return [];
  const name = basename(program.value);
  const args = all.slice(i + 1);
  // `sh -c 'script'`: parse the script too, with offsets inside the quoted word.
  if (SHELLS.has(name) && depth < 3) {
    const c = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.value));
    const script = c >= 0 ? args[c + 1] : undefined;
    if (script) {
      const inner = innerSource(script, src);
      const span = scriptSpan(script);
      const nested = parseCommands(inner, depth + 1).map((cmd) => ({
        ...cmd,
        script: cmd.script ?? span,
        env: [...env, ...cmd.env],
        wrappers: [...wrappers, name, ...cmd.wrappers],
        joinedBy: cmd === undefined ? joinedBy : cmd.joinedBy,
      }));
      if (nested.length) {
        nested[0]!.joinedBy = joinedBy;
        return nested;
      }
    }
  }
  return [{ name, program, args, env, wrappers, joinedBy, start, end }];
}

/** The source of a quoted script word (`sh -c '…'`), each character mapped to its Dockerfile offset. */
function innerSource(word: Word, src: ShellSource): ShellSource {
  // The word's first character in the shell source (src.map is increasing).
  let lo = 0;
  let hi = src.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (src.map[mid]! < word.start) lo = mid + 1; else hi = mid;
  }
  const decoded = decodeShellWord(word.raw, lo);
  const map = decoded.index.map((k) => src.map[k] ?? word.end);
  map.push(map.length ? map[map.length - 1]! + 1 : word.end);
  return { text: decoded.text, map };
}

/**
 * Quote removal of one shell word, keeping variables and command substitutions as written:
 * `index[k]` is `base` plus the index in `raw` of the character that produced output character k
 * (for an escape, the escaped character).
 */
export function decodeShellWord(raw: string, base: number): { text: string; index: number[] } {
  let text = '';
  const index: number[] = [];
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = null; else { text += c; index.push(base + i); }
      continue;
    }
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      if (next === '\n') { i++; continue; }
      if (quote === null || '$`"\\'.includes(next)) { text += next; index.push(base + i + 1); i++; continue; }
    } else if ((c === '$' && raw[i + 1] === '(') || c === '`') {
      // A command substitution is kept as written, quotes inside included.
      let j = i + 1;
      if (c === '`') {
        while (j < raw.length && raw[j] !== '`') j += raw[j] === '\\' ? 2 : 1;
      } else {
        for (let depth = 0; j < raw.length; j++) {
          if (raw[j] === '(') depth++;
          else if (raw[j] === ')' && --depth === 0) break;
        }
      }
      j = Math.min(j, raw.length - 1);
      for (; i <= j; i++) { text += raw[i]!; index.push(base + i); }
      i = j;
      continue;
    } else if (quote === null && (c === "'" || c === '"')) {
      quote = c;
      continue;
    } else if (quote === '"' && c === '"') {
      quote = null;
      continue;
    }
    text += c;
    index.push(base + i);
  }
  return { text, index };
}

/** The value of option `names` in `args` (`--index-url X`, `--index-url=X`, `-iX`), with the word holding it. */
/**
 * The value of `--name=value` (or `-nvalue`) as a word of its own, with offsets inside the word's
 * raw text: a quoted word (`"--opt=/tmp"`, `'--opt=/tmp'`) keeps its quotes out of the range.
 */
function attachedValue(a: Word, prefix: string): Word {
  const v = a.value.slice(prefix.length);
  const at = a.raw.indexOf(prefix);
  if (at < 0 || !a.raw.startsWith(v, at + prefix.length)) return { value: v, raw: v, start: a.end - v.length, end: a.end };
  const start = a.start + at + prefix.length;
  return { value: v, raw: v, start, end: start + v.length };
}

export function optionValue(args: readonly Word[], names: readonly string[]): Word | null {
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    for (const n of names) {
      if (a.value === n) return args[k + 1] ?? null;
      if (n.startsWith('--') && a.value.startsWith(`${n}=`)) return attachedValue(a, `${n}=`);
      if (!n.startsWith('--') && n.length === 2 && a.value.startsWith(n) && a.value.length > 2 && !a.value.startsWith('--')) return attachedValue(a, n);
    }
  }
  return null;
}

/** Whether a flag is present: exact (`--no-cache-dir`), `--flag=value`, or inside a short-flag cluster (`-qy` has `-y`). */
export function hasFlag(args: readonly Word[], names: readonly string[]): Word | null {
  for (const a of args) {
    if (a.value === '--') return null;
    for (const n of names) {
      if (a.value === n || (n.startsWith('--') && a.value.startsWith(`${n}=`))) return a;
      if (/^-[A-Za-z]$/.test(n) && /^-[A-Za-z]+$/.test(a.value) && a.value.includes(n[1]!)) return a;
    }
  }
  return null;
}
