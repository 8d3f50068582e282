/** A `$NAME` or `${NAME…}` that Dockerfile word expansion would look up. */
export interface VariableUse {
  name: string;
  /** Offsets of `$NAME`, or of `${NAME}` when the braces close right after the name. */
  start: number;
  end: number;
  /** `${NAME:-x}`, `${NAME-x}`, `${NAME:+x}`, `${NAME+x}`, `${NAME:?msg}`, `${NAME?msg}`: the unset case is handled. */
  guarded: boolean;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * The variables that BuildKit's word expansion reads in `text[start, end)`: not inside single
 * quotes (when `quotes` is set, as in instruction arguments; heredoc bodies have no quoting), not
 * escaped with the escape character, and skipping `<escape><newline>` continuations.
 */
export function variableUses(text: string, start: number, end: number, escapeChar = '\\', quotes = true): VariableUse[] {
  const out: VariableUse[] = [];
  let single = false;
  let double = false;
  /** The `${…}` expansions still open, with the name each one guards (`${A:+…}`), or null. */
  const open: Array<string | null> = [];
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    if (c === escapeChar) {
      // An escaped character, or a line continuation, is never the start of an expansion.
      i++;
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      continue;
    }
    if (quotes && c === "'" && !double) { single = true; continue; }
    if (quotes && c === '"') { double = !double; continue; }
    if (c === '}' && open.length) { open.pop(); continue; }
    if (c !== '$') continue;
    const braced = text[i + 1] === '{';
    NAME.lastIndex = i + (braced ? 2 : 1);
    const m = NAME.exec(text);
    if (!m || NAME.lastIndex > end) continue;
    const nameEnd = NAME.lastIndex;
    let guarded = false;
    let useEnd = nameEnd;
    if (braced) {
      const op = text[nameEnd] === ':' ? text[nameEnd + 1] : text[nameEnd];
      guarded = op === '-' || op === '+' || op === '?';
      if (text[nameEnd] === '}') useEnd = nameEnd + 1;
      else open.push(guarded ? m[0] : null);
    }
    // `${A:+:$A}`: the inner `$A` is only expanded when A is set.
    out.push({ name: m[0], start: i, end: useEnd, guarded: guarded || open.includes(m[0]) });
    if (braced && text[nameEnd] === '}') { i = nameEnd; continue; }
    // The default word of `${A:-$B}` is expanded too: keep scanning right after the name.
    i = nameEnd - 1;
  }
  return out;
}
