import type { Copy, Env, Instruction, Label, Run } from 'dockerfile-ast';
import { copyArgs } from '~/engine/copy';
import { knownBaseEnv } from '~/engine/data/base-image-env';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import type { LspRange } from '~/engine/types';
import { variableUses, type VariableUse } from '~/engine/variables';

/** Platform arguments BuildKit defines in the global scope: a stage sees them only after `ARG NAME`. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);
/** Proxy arguments Docker documents as usable without an `ARG`, and BuildKit's SBOM switches it never reports. */
const ALWAYS_KNOWN = new Set([
  'PATH', 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE',
]);
/** The COPY/ADD flags whose values BuildKit expands. */
const EXPANDED_FLAGS = new Set(['chown', 'chmod', 'checksum']);

/** `$PYTHONPATH` and `${PYTHONPATH…}` in an ENV value. */
const PYTHONPATH_REF = /\$(PYTHONPATH(?![A-Za-z0-9_])|\{PYTHONPATH(?::?[-+?][^}]*)?\})/g;

/**
 * `ENV PYTHONPATH=/app:$PYTHONPATH`: an unset `$PYTHONPATH` leaves an empty entry, the working
 * directory on `sys.path`. pythonpath-trailing-colon reports that reference (and fixes it), with the
 * same base-image knowledge; a second finding on the same word would only repeat it.
 */
function extendsPythonpath(name: string, value: string): boolean {
  if (name !== 'PYTHONPATH') return false;
  const rest = value.replace(PYTHONPATH_REF, '');
  return rest !== value && (rest.startsWith(':') || rest.endsWith(':') || rest.includes('::'));
}

/** Edit distance where swapping two neighbouring letters counts as one edit (`PAHT` → `PATH`). */
function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A close misspelling of `name` among `candidates` (case aside), or null. */
function misspelling(name: string, candidates: Iterable<string>): string | null {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 4));
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    // Names whose lengths differ by more than the limit are more than `limit` edits apart.
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = typoDistance(lower, c.toLowerCase());
    if (d < bestD && d <= limit) { best = c; bestD = d; }
  }
  return best;
}

export default defineRule({
  name: 'undefined-var',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require variables used in instructions to be defined by an `ARG` or `ENV` in scope',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['buildkit:UndefinedVar'],
    // A trigger expands its variables in the build that uses this image, whose scope is unknown here.
    onbuild: false,
    messages: {
      undefined: '`${{name}}` is not defined here: no `ARG` or `ENV` before this line sets it (in this stage or a stage it is built from), and neither does the base image, so it expands to an empty string{{hint}}. Declare it first (`ARG {{name}}` or `ENV {{name}}=…`) or correct the name.',
      undefinedInHeredoc: '`${{name}}` is expanded while building, because the heredoc delimiter is not quoted, and no `ARG` or `ENV` before this line sets it (in this stage or a stage it is built from), nor does the base image: it becomes an empty string in the file{{hint}}. If the file should keep `${{name}}` for when it runs, quote the delimiter (`<<\'{{delimiter}}\'`); otherwise declare it first or correct the name.',
      misspelled: '`${{name}}` is not set by any `ARG` or `ENV` before this line (did you mean `${{suggestion}}`?). Unless the base image defines it, it expands to an empty string. Correct the name, or declare it first.',
      globalArg: '`${{name}}` is declared by an `ARG` before the first `FROM`, and such an argument is not in scope inside a stage until the stage declares it again: here it expands to an empty string. Add `ARG {{name}}` (without a value, it keeps the global default) to this stage before this line.',
      platformArg: '`${{name}}` is a predefined platform argument, but inside a stage it is only set after `ARG {{name}}`: here it expands to an empty string. Add `ARG {{name}}` to this stage before this line.',
    },
  },
  create(context) {
    const { model } = context;
    /** Names set by ARG or ENV so far, per stage (a stage starts with everything its parent set). */
    const declared = new Map<Stage, Set<string>>();
    const baseEnv = new Map<Stage, readonly string[] | null>();
    const scopeOf = (stage: Stage): Set<string> => {
      let set = declared.get(stage);
      if (!set) {
        set = new Set(stage.parent && stage.parent !== stage ? declared.get(stage.parent) : []);
        declared.set(stage, set);
        // `FROM ${BASE_IMAGE}`: the default names one image, but the argument is there to pick another.
        const root = model.lineage(stage).at(-1)!;
        baseEnv.set(stage, (root.from.getImageName() ?? '').includes('$') ? null : knownBaseEnv(model.baseImage(stage)));
      }
      return set;
    };
    const scan = (range: LspRange | null | undefined, quotes = true, escape = model.escapeChar): VariableUse[] => {
      if (!range) return [];
      const { start, end } = model.offsets(range);
      return variableUses(model.text, start, end, escape, quotes);
    };

    /** Uses found in the body of a heredoc with an unquoted delimiter, with that delimiter. */
    const inHeredoc = new Map<VariableUse, string>();
    const check = (stage: Stage, uses: VariableUse[], sameInstruction: ReadonlySet<string> = new Set()) => {
      const scope = scopeOf(stage);
      const env = baseEnv.get(stage) ?? null;
      for (const use of uses) {
        const { name } = use;
        if (use.guarded || scope.has(name) || ALWAYS_KNOWN.has(name) || env?.includes(name)) continue;
        // `ENV A=1 B=$A`: env-self-reference reports it.
        if (sameInstruction.has(name)) continue;
        const range = { start: use.start, end: use.end };
        const declareHere = (messageId: 'globalArg' | 'platformArg') => {
          const at = model.lines.lineEnd(model.offsets(stage.from.getRange()).end);
          const newline = model.text.charCodeAt(at - 1) === 10 || model.text.charCodeAt(at - 1) === 13 ? '' : '\n';
          context.report({
            messageId, data: { name }, range,
            suggestions: [{ title: `Declare \`ARG ${name}\` at the start of the stage`, edits: [{ start: at, end: at, text: `${newline}ARG ${name}\n` }] }],
          });
        };
        if (model.globalArgs.has(name)) { declareHere('globalArg'); continue; }
        if (PLATFORM_ARGS.has(name)) { declareHere('platformArg'); continue; }
        const candidates = [...scope, ...(env ?? []), 'PATH'].filter((c) => c !== name);
        if (env === null) {
          // The base image may set any name: only a near miss of a known name is worth a report.
          const suggestion = misspelling(name, candidates);
          if (suggestion) context.report({ messageId: 'misspelled', data: { name, suggestion }, range });
          continue;
        }
        const near = misspelling(name, candidates);
        const delimiter = inHeredoc.get(use);
        context.report({ messageId: delimiter ? 'undefinedInHeredoc' : 'undefined', data: { name, delimiter: delimiter ?? '', hint: near ? ` (did you mean \`$${near}\`?)` : '' }, range });
      }
    };

    const copyUses = (node: Instruction): VariableUse[] => {
      const uses: VariableUse[] = [];
      for (const f of (node as Copy).getFlags()) {
        if (EXPANDED_FLAGS.has(f.getName().toLowerCase())) uses.push(...scan(f.getValueRange()));
      }
      const args = copyArgs(model, node);
      const heredocs = (node as Copy).getHeredocs();
      const body = heredocs[0]?.getContentRange()?.start ?? heredocs[0]?.getDelimiterRange()?.start;
      const cut = body ? model.lines.offset(body.line, 0) : Infinity;
      const words = args && (args.sources.length || args.destination)
        ? [...args.sources, ...(args.destination ? [args.destination] : [])]
        : node.getArguments().map((a) => ({ ...model.offsets(a.getRange()), value: a.getValue() })).filter((w) => w.start < cut);
      for (const w of words) {
        if (w.value.startsWith('<<')) continue;
        uses.push(...variableUses(model.text, w.start, w.end, model.escapeChar, true));
      }
      // An unquoted heredoc delimiter (`<<EOF`, not `<<"EOF"`) has its body expanded, without quote handling.
      for (const h of heredocs) {
        const marker = node.getArguments().find((a) => a.getValue().startsWith('<<') && a.getValue().includes(h.getName() ?? ''));
        if (!marker || /['"]/.test(marker.getValue())) continue;
        for (const use of scan(h.getContentRange(), false, '\\')) {
          inHeredoc.set(use, h.getName() ?? 'EOF');
          uses.push(use);
        }
      }
      return uses;
    };

    /**
     * In the script of a RUN, the shell expands variables from the environment BuildKit gives it: the
     * stage's ARG and ENV values and the base image's. A platform argument (`$TARGETARCH`) or a global
     * ARG that the stage never declared (on a base image whose variables are known) is not among them, and the script
     * sees an empty string (`yq_linux_${TARGETARCH}` downloads `yq_linux_`). Other names may be shell
     * variables or come from the image, and are left alone, as is a name the script assigns itself.
     */
    const unsetInScript = (run: Run, stage: Stage): VariableUse[] => {
      const range = run.getRange();
      const flags = run.getFlags();
      const start = flags.length ? model.offsets(flags[flags.length - 1]!.getRange()).end : model.offsets(run.getArgumentsRange() ?? range).start;
      const end = model.offsets(range).end;
      const script = model.text.slice(start, end);
      // Exec form without a shell expands nothing.
      if (/^\s*\[/.test(script) && run.getJSONStrings().length) return [];
      // PowerShell and cmd read `$name` and `%name%` their own way.
      if (windowsShell(stage)) return [];
      const scope = scopeOf(stage);
      const assigned = new Map<string, boolean>();
      // One finding per name and RUN: `go${V}.linux-${TARGETARCH}.tar.gz` three times in a script has one cause and one fix.
      const seen = new Set<string>();
      return variableUses(model.text, start, end, '\\', true).filter((u) => {
        if (scope.has(u.name) || seen.has(u.name)) return false;
        // A global ARG's name may also be an ENV of an image not known here (`NODE_VERSION` in `node`).
        if (!PLATFORM_ARGS.has(u.name) && !(model.globalArgs.has(u.name) && baseEnv.get(stage))) return false;
        const n = u.name;
        let a = assigned.get(n);
        if (a === undefined) assigned.set(n, a = new RegExp(`(^|[^A-Za-z0-9_$])${n}=|\\b(for|local|export|declare|typeset|readonly)\\s+(-\\w+\\s+)*${n}\\b|\\bread\\b[^;&|\\n]*\\b${n}\\b`).test(script));
        if (a) return false;
        seen.add(n);
        return true;
      });
    };
    /** Whether the stage or a parent sets a PowerShell or cmd SHELL (once per stage). */
    const windowsShells = new Map<Stage, boolean>();
    const windowsShell = (stage: Stage): boolean => {
      let w = windowsShells.get(stage);
      if (w === undefined) {
        w = stage.instructions.some((i) => i.getKeyword() === 'SHELL' && /powershell|pwsh|cmd/i.test(i.getArgumentsContent() ?? ''))
          || (!!stage.parent && stage.parent !== stage && windowsShell(stage.parent));
        windowsShells.set(stage, w);
      }
      return w;
    };

    return {
      '*'(node, stage) {
        if (!stage) return;
        const keyword = node.getKeyword();
        if (keyword === 'FROM') { scopeOf(stage); return; }
        const scope = scopeOf(stage);
        switch (keyword) {
          case 'ENV': {
            // All values are expanded before any of them is set.
            const props = (node as Env).getProperties();
            const earlier = new Set<string>();
            for (const p of props) {
              const uses = scan(p.getValueRange());
              // A global `ARG PYTHONPATH` not declared again in the stage keeps its own message here.
              check(stage, extendsPythonpath(p.getName(), p.getValue() ?? '') && !model.globalArgs.has('PYTHONPATH') ? uses.filter((u) => u.name !== 'PYTHONPATH') : uses, earlier);
              earlier.add(p.getName());
            }
            for (const p of props) scope.add(p.getName());
            break;
          }
          case 'ARG':
            // Each argument (`ARG A=1 B` declares two) is set before the next one is expanded.
            for (const a of node.getArguments()) {
              const { start, end } = model.offsets(a.getRange());
              const eq = model.text.indexOf('=', start);
              const name = (eq >= 0 && eq < end ? model.text.slice(start, eq) : model.text.slice(start, end)).trim();
              if (eq >= 0 && eq < end) check(stage, variableUses(model.text, eq + 1, end, model.escapeChar, true));
              scope.add(name);
            }
            break;
          case 'LABEL':
            for (const p of (node as Label).getProperties()) check(stage, [...scan(p.getNameRange()), ...scan(p.getValueRange())]);
            break;
          case 'COPY':
          case 'ADD':
            check(stage, copyUses(node));
            break;
          case 'WORKDIR':
          case 'EXPOSE':
          case 'USER':
          case 'VOLUME':
          case 'STOPSIGNAL':
            check(stage, scan(node.getArgumentsRange()));
            break;
          case 'RUN':
            // The shell expands the command itself; BuildKit only expands the mount options.
            for (const f of (node as Run).getFlags()) {
              if (f.getName().toLowerCase() === 'mount') check(stage, scan(f.getValueRange()));
            }
            if (!context.inOnbuild) check(stage, unsetInScript(node as Run, stage));
            break;
          default:
        }
      },
    };
  },
});
