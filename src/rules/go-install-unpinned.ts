import type { Instruction } from 'dockerfile-ast';
import { inlineEnv } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import type { Command, Word } from '~/engine/shell';

/** Build flags of `go install`/`get`/`run` that take the next word as their value (`-tags netgo`). */
const WITH_VALUE = new Set([
  'C', 'p', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile',
  'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'covermode', 'coverpkg', 'exec', 'o',
]);

/**
 * Version queries that move: `latest`, `upgrade`, `patch`, a branch that is surely a branch, a
 * version prefix (`v1`, `v1.2`: the newest release with that prefix), a comparison (`>=v1.2.0`).
 */
const FLOATING = /^(latest|upgrade|patch|master|main|HEAD|trunk|develop|v\d+|v\d+\.\d+|[<>].*)$/;

/** Package arguments that name code already on disk, or Go's meta-packages, rather than a module to download. */
function local(arg: string): boolean {
  return arg === '.' || arg === '..' || /^(\.\.?\/|\/)/.test(arg) || arg.endsWith('.go') || /^(all|std|cmd|tool)$/.test(arg);
}

interface GoCall { sub: Word; packages: Word[] }

/** `go install …`, `go get …`, `go run …` (any `go` binary, `go1.22.3` included): the subcommand and its package arguments. */
function goCall(cmd: Command): GoCall | null {
  if (!/^go(\d+(\.\d+)*((rc|beta)\d+)?)?$/.test(cmd.name)) return null;
  const sub = cmd.args[0];
  if (!sub || (sub.value !== 'install' && sub.value !== 'get' && sub.value !== 'run')) return null;
  const packages: Word[] = [];
  for (let i = 1; i < cmd.args.length; i++) {
    const a = cmd.args[i]!;
    if (a.value === '--') continue;
    if (a.value.startsWith('-')) {
      const name = a.value.replace(/^--?/, '');
      if (!name.includes('=') && WITH_VALUE.has(name)) i++;
      continue;
    }
    packages.push(a);
    // Everything after the package given to `go run` is an argument of the program.
    if (sub.value === 'run') break;
  }
  return { sub, packages };
}

/** Whether the stage has a go.mod by now (copied in, or created by `go mod init`), so module mode takes versions from it. */
function hasGoMod(model: DockerfileModel, stage: Stage, instr: Instruction, earlier: readonly Command[], inOnbuild: boolean): boolean {
  if (earlier.some((c) => c.name === 'go' && c.args[0]?.value === 'mod')) return true;
  // `git clone … /src/sops && cd /src/sops/cmd/sops && go install go.mozilla.org/sops/v3/cmd/sops`:
  // the command runs in the checked-out module and builds that source.
  const clone = earlier.findIndex((c) => c.name === 'git' && c.args[0]?.value === 'clone');
  if (clone >= 0 && earlier.slice(clone + 1).some((c) => c.name === 'cd')) return true;
  if (inOnbuild) return false;
  for (const s of model.lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, instr)) break;
      const k = i.getKeyword();
      const { start, end } = model.offsets(i.getRange());
      const text = model.text.slice(start, end);
      if ((k === 'COPY' || k === 'ADD') && /(^|[\s/"'[,])go\.(mod|work)\b/.test(text)) return true;
      if (k === 'RUN' && /\bgo\s+mod\s+(init|download|tidy|vendor)\b/.test(text)) return true;
    }
  }
  return false;
}

function gopathMode(model: DockerfileModel, stage: Stage, instr: Instruction, cmd: Command, inOnbuild: boolean): boolean {
  const inline = inlineEnv(cmd, 'GO111MODULE');
  if (inline !== null) return inline === 'off';
  return !inOnbuild && model.envValue(stage, 'GO111MODULE', instr)?.value === 'off';
}

export default defineRule({
  name: 'go-install-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require an exact version on modules fetched by `go install`, `go get` and `go run`',
    category: 'dependencies',
    scope: 'all-stages',
    sources: ['hadolint:DL3062'],
    messages: {
      noVersion: '`{{pkg}}` has no version, so `go {{sub}}` takes whatever is newest when the image is built (and `go install` outside a module refuses it outright). Add an exact version: `{{pkg}}@v1.2.3`.',
      floating: '`{{pkg}}` asks for `@{{version}}`, which resolves to a different release as new ones are published. Use an exact version (`@v1.2.3`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        cmds.forEach((cmd, index) => {
          const call = goCall(cmd);
          if (!call) return;
          for (const w of call.packages) {
            const v = w.value;
            if (!v || v.includes('$') || local(v)) continue;
            const at = v.lastIndexOf('@');
            if (at < 0) {
              // `go install pkg` / `go run pkg` in a module build the version go.mod requires; `go get pkg` means `@upgrade`.
              if (call.sub.value !== 'get' && !gopathMode(model, stage, run, cmd, context.inOnbuild)
                && hasGoMod(model, stage, run, cmds.slice(0, index), context.inOnbuild)) continue;
              context.report({ messageId: 'noVersion', data: { pkg: v, sub: call.sub.value }, range: { start: w.start, end: w.end } });
              continue;
            }
            const version = v.slice(at + 1);
            // `@none` removes a dependency (`go get pkg@none`).
            if (version === 'none' || (version && !FLOATING.test(version))) continue;
            context.report({
              messageId: version ? 'floating' : 'noVersion',
              data: { pkg: v.slice(0, at), version, sub: call.sub.value },
              range: { start: w.start, end: w.end },
            });
          }
        });
      },
    };
  },
});
