import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { ImageRef } from '~/engine/image';
import type { DockerfileModel, Stage } from '~/engine/model';
import { logicalSource } from '~/engine/shell';

/** Characters that give a shell-form command a meaning exec form would lose. */
const SHELL_SYNTAX = /[$`'"\\;&|<>(){}*?[\]~#!]/;

/** Whether a SHELL instruction came before `instr` in the stage or a stage it is built FROM. */
function shellSet(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  for (const s of model.lineage(stage)) {
    let first = firstShell.get(s);
    if (first === undefined) {
      first = s.instructions.find((i) => i.getKeyword() === 'SHELL') ?? null;
      firstShell.set(s, first);
    }
    if (first && (s !== stage || model.isBefore(first, instr))) return true;
  }
  return false;
}
/**
 * What keeps exec-form-looking text (it starts with `[`) from being the JSON array of strings Docker
 * requires, or null when it is one. Docker then runs the whole text through the shell.
 */
function jsonProblem(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return null;
    return Array.isArray(parsed) ? 'every element must be a string in double quotes' : 'it is not a JSON array';
  } catch { /* described below */ }
  const t = text.trim();
  // `CMD ["python", "app.py"]  # start`: a valid array with text after it.
  for (let i = t.indexOf(']'); i >= 0; i = t.indexOf(']', i + 1)) {
    if (i === t.length - 1) break;
    try {
      const head: unknown = JSON.parse(t.slice(0, i + 1));
      if (!Array.isArray(head)) continue;
      return t.slice(i + 1).trim().startsWith('#')
        ? 'a comment follows the closing `]`, and Docker has no end-of-line comments'
        : 'text follows the closing `]`';
    } catch { /* not the end of the array */ }
  }
  if (/[\u201c\u201d\u2018\u2019]/.test(t)) return 'typographic quotes (“ ”) are not the straight double quotes JSON needs';
  if (/^\[\s*'|,\s*'|'\s*[,\]]/.test(t)) return 'strings need double quotes, not single quotes';
  if (!t.endsWith(']')) return 'the closing `]` is missing';
  if (/,\s*\]$/.test(t)) return 'a trailing comma before `]` is not allowed';
  if (/"\s+"/.test(t) || /"\s*\[|\]\s*"/.test(t)) return 'a comma is missing between two strings';
  if (/,\s*,|\[\s*,/.test(t)) return 'an element is missing between two commas';
  return 'strings need double quotes and commas between them';
}

/**
 * Base images without `/bin/sh`: `scratch`, Google's distroless images (their `debug` tags keep a
 * BusyBox shell under `/busybox`, so they are left out), and Chainguard's `python` and `static`
 * without a `-dev` tag.
 */
function withoutShell(base: ImageRef | null): boolean {
  if (!base || base.hasVariable) return false;
  if (base.isScratch) return true;
  const path = base.path.toLowerCase();
  const tag = (base.tag ?? 'latest').toLowerCase();
  if (base.registry === 'gcr.io' && path.startsWith('distroless/')) return !tag.includes('debug');
  if (base.registry === 'cgr.dev' && /^chainguard\/(python|static)$/.test(path)) return !/(^|-)dev$/.test(tag);
  return false;
}

/** Whether the stage (or a parent) copies files into `/`, `/bin` or `/usr/bin`, which may bring a shell along. */
function copiesShell(model: DockerfileModel, stage: Stage): boolean {
  return model.lineage(stage).some((s) => s.instructions.some((i) => {
    const dest = copyArgs(model, i)?.destination?.value.replace(/\/+$/, '');
    return dest !== undefined && /^(|\/bin|\/bin\/(ba|da|busybox\/)?sh|\/usr\/bin)$/.test(dest);
  }));
}

/** The first SHELL of each stage (stages are per lint, so this never outlives one). */
const firstShell = new WeakMap<Stage, Instruction | null>();

export default defineRule({
  name: 'json-args-recommended',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require exec form (a JSON array) for `CMD` and `ENTRYPOINT`',
    category: 'runtime',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
    messages: {
      shellForm: '`CMD` in shell form runs through `/bin/sh -c`, so the shell can end up as PID 1 and the `SIGTERM` of `docker stop` may never reach your program, which is then killed after the grace period. Use exec form, `CMD ["program", "arg"]`.',
      shellFormEntrypoint: '`ENTRYPOINT` in shell form runs through `/bin/sh -c`: it ignores `CMD` and the arguments of `docker run`, and the `SIGTERM` of `docker stop` may never reach your program. Use exec form, `ENTRYPOINT ["program", "arg"]`.',
      shellFormVariable: '`CMD` in shell form runs through `/bin/sh -c`, so the shell can end up as PID 1 and the `SIGTERM` of `docker stop` may never reach your program. Plain exec form would not expand `{{variable}}`: start the command with `exec` (`CMD exec {{program}} …`) or write `CMD ["sh", "-c", "exec {{program}} …"]`, so that your program replaces the shell.',
      shellFormEntrypointVariable: '`ENTRYPOINT` in shell form runs through `/bin/sh -c`: it ignores `CMD` and the arguments of `docker run`, and the `SIGTERM` of `docker stop` may never reach your program. Plain exec form would not expand `{{variable}}`: write `ENTRYPOINT ["sh", "-c", "exec {{program}} …"]`.',
      noShell: '`{{keyword}}` in shell form runs through `/bin/sh -c`, but `{{image}}` has no shell: the container fails to start (`/bin/sh: no such file or directory`). Use exec form, `{{keyword}} ["program", "arg"]`{{variable}}.',
      invalidJson: 'This `{{keyword}}` looks like exec form but is not valid JSON ({{problem}}), so Docker runs the text through `/bin/sh -c` instead. Write it as a JSON array of double-quoted strings, such as `{{keyword}} ["program", "arg"]`.',
    },
  },
  create(context) {
    const { model } = context;
    const check = (instr: JSONInstruction, stage: Stage) => {
      const argsRange = instr.getArgumentsRange();
      if (!argsRange) return;
      const { start, end } = model.offsets(argsRange);
      const text = model.text.slice(start, end);
      const keyword = instr.getKeyword() as 'CMD' | 'ENTRYPOINT';
      // Docker parses text that starts with `[` as JSON and falls back to shell form when that fails:
      // single quotes, a trailing comma, a missing comma or `]` (dockerfile-ast still finds strings in those).
      if (text.trimStart().startsWith('[')) {
        const problem = jsonProblem(logicalSource(model.text, start, end, model.escapeChar).text);
        if (problem !== null) context.report({ messageId: 'invalidJson', data: { keyword, problem }, range: argsRange });
        return;
      }
      if (instr.getJSONStrings().length) return;
      // BuildKit stays quiet once SHELL is set: the shell is then a deliberate choice.
      if (!context.inOnbuild && shellSet(model, stage, instr)) return;
      const cmds = model.commands(instr);
      const base = context.inOnbuild ? null : model.baseImage(stage);
      const noShell = withoutShell(base) && !copiesShell(model, stage);
      const single = cmds.length === 1 && cmds[0]!.env.length === 0 && cmds[0]!.wrappers.every((w) => w === 'exec');
      // `CMD exec gunicorn …`: the shell replaces itself with the program, which receives signals.
      if (keyword === 'CMD' && single && cmds[0]!.wrappers.includes('exec') && !noShell) return;
      // `ENTRYPOINT exec /docker-entrypoint.sh "$0" "$@"` (Sentry): Docker appends the CMD's words to
      // `/bin/sh -c <script>`, the shell sees them as `$0 $1 …` and hands them on to the program it becomes.
      if (keyword === 'ENTRYPOINT' && single && cmds[0]!.wrappers.includes('exec') && !noShell && passesArgs(cmds[0]!.args)) return;
      const flat = model.text.slice(start, end).replace(/\\\r?\n/g, ' ');
      const words = single ? [cmds[0]!.program, ...cmds[0]!.args] : [];
      const plain = single && !SHELL_SYNTAX.test(flat.replace(/^\s*exec\s+/, '')) && words.every((w) => w.raw === w.value);
      // `CMD gunicorn --bind 0.0.0.0:$PORT app:app`: exec form alone would pass `$PORT` literally.
      const variable = single ? /\$(\{[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)/.exec(flat) : null;
      if (noShell) {
        const name = variable ? (variable[1]!.startsWith('{') ? `\${${variable[1]!.slice(1)}}` : `$${variable[1]!}`) : '';
        context.report({
          messageId: 'noShell',
          data: { keyword, image: base!.raw, variable: name ? `; exec form does not expand \`${name}\` either, so give the program its value another way` : '' },
          range: argsRange,
          suggestions: plain ? [{
            title: 'Use exec form',
            edits: [{ start, end, text: `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]` }],
          }] : [],
        });
        return;
      }
      if (variable) {
        const name = variable[1]!.startsWith('{') ? `\${${variable[1]!.slice(1)}}` : `$${variable[1]!}`;
        context.report({
          messageId: keyword === 'CMD' ? 'shellFormVariable' : 'shellFormEntrypointVariable',
          data: { variable: name, program: cmds[0]!.program.value },
          range: argsRange,
        });
        return;
      }
      context.report({
        messageId: keyword === 'CMD' ? 'shellForm' : 'shellFormEntrypoint',
        range: argsRange,
        suggestions: plain ? [{
          title: 'Use exec form',
          edits: [{ start, end, text: `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]` }],
        }] : [],
      });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});

/** Whether a shell-form script hands on every argument it was given: `"$0" "$@"` (the first lands in `$0`). */
function passesArgs(args: readonly { raw: string }[]): boolean {
  const raws = args.map((a) => a.raw);
  return raws.some((r) => /^"?\$(0|\{0\})"?$/.test(r)) && raws.some((r) => /^"?\$(@|\{@\})"?$/.test(r));
}
