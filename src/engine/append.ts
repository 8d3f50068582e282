import type { Run } from 'dockerfile-ast';
import type { DockerfileModel } from './model';
import type { Command } from './shell';

const SHELLS = /^(sh|bash|dash|zsh|ash|ksh)$/;

/**
 * Where `&& <command>` can be appended to a RUN without changing how the rest of it parses, or
 * null: only a shell-form RUN that is one plain `&&` chain (no heredoc, exec form, `sh -c`,
 * comment, subshell, group or compound command) qualifies.
 */
export function runAppendPoint(model: DockerfileModel, run: Run, cmds: readonly Command[]): number | null {
  if (run.getHeredocs().length || cmds.length === 0) return null;
  if (cmds.some((c, i) => (i === 0 ? c.joinedBy !== null : c.joinedBy !== '&&') || c.wrappers.some((w) => SHELLS.test(w)))) return null;
  const args = run.getArgumentsRange();
  if (!args) return null;
  const { start, end } = model.offsets(args);
  const body = model.text.slice(start, end);
  if (body.trimStart().startsWith('[') || /[(){}#`]|\b(if|for|while|until|case)\b/.test(body)) return null;
  return start + body.replace(/\s+$/, '').length;
}

/** The edit that appends `&& <command>` on a continued line at `at` (from runAppendPoint), with the file's escape character. */
export function appendEdit(model: DockerfileModel, at: number, command: string): { start: number; end: number; text: string } {
  return { start: at, end: at, text: ` ${model.escapeChar}\n    && ${command}` };
}
