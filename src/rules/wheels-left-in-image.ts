import type { Instruction } from 'dockerfile-ast';
import { pipInstall, uvInstall } from '~/engine/commands';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { optionValue, type Command, type Word } from '~/engine/shell';
import { joinPath, workdirAt } from '~/engine/workdir';

const WHEELS = /(\.whl$|(^|\/)(wheels?|wheelhouse|dist)(\/|$))/;
/** pip's and uv's options naming a directory of wheels: `--find-links /w`, `--find-links=/w`, `-f /w`, `-f/w`. */
const FIND_LINKS = ['--find-links', '-f'];

/** A path as it stands at `instr`: absolute when it is, or when the working directory is known; null otherwise. */
function absolute(model: DockerfileModel, stage: Stage, instr: Instruction, path: string): string | null {
  if (path.startsWith('/')) return joinPath('/', path);
  const workdir = workdirAt(model, stage, instr);
  return workdir === null ? null : joinPath(workdir, path);
}

/**
 * The `WORKDIR` in force at `instr`, in the stage or a parent (null: the base image's own). Two relative
 * paths under the same one name the same directory even when it cannot be known (`COPY … .` then
 * `pip install *.whl` with no `WORKDIR`: the base image's working directory, `/` for python images).
 */
function workdirInstruction(model: DockerfileModel, stage: Stage, instr: Instruction): Instruction | null {
  let last: Instruction | null = null;
  for (const s of model.lineage(stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, instr)) break;
      if (i.getKeyword() === 'WORKDIR') last = i;
    }
  }
  return last;
}

interface Copied {
  source: Word;
  /** The destination as written, trailing slashes removed (`.` for the working directory). */
  dest: string;
  /** The destination as an absolute path, when it can be known. */
  destAbs: string | null;
  from: string;
  /** The `source=` of the bind mount: the path in the other stage. */
  path: string;
  /** The `target=` of the bind mount: where the `COPY` put the files, so the install command keeps working. */
  target: string;
  /** The `target=` had to move (to `/wheels`): a mount on `/` would hide the whole file system, one on the working directory the application. */
  moved: boolean;
  /** The `WORKDIR` in force at the `COPY`. */
  workdir: Instruction | null;
}

/** Whether `value` (a path the install reads) lies in the copied destination. */
function inDest(value: string, c: Copied, abs: string | null, isPath: boolean, workdir: Instruction | null): boolean {
  const v = value.replace(/^file:\/\//, '');
  const dest = c.dest || '/';
  if (v === dest || v.startsWith(`${dest}/`) || (v.endsWith('.whl') && dest.endsWith('.whl'))) return true;
  // Copied into the working directory, read from it by a relative path (`COPY --from=b /dist/*.whl .` then
  // `pip install *.whl`), with no `WORKDIR` between them: the same directory, known or not.
  if (dest === '.' && workdir === c.workdir && !v.startsWith('/') && !v.startsWith('-') && (isPath || v.includes('/') || v.endsWith('.whl'))) return true;
  // Through the working directory (`COPY … wheels/` then `pip install /app/wheels/*`): only words that are paths,
  // which a `--find-links` value always is (`--find-links=wheels`), while a bare word may be a package (`wheel`).
  if (c.destAbs === null || abs === null || v.startsWith('-') || !(isPath || v.includes('/') || v.endsWith('.whl'))) return false;
  if (c.destAbs === '/') return v.endsWith('.whl') && abs.lastIndexOf('/') === 0;
  return abs === c.destAbs || abs.startsWith(`${c.destAbs}/`);
}

/** The paths an install command reads: its words, and the values of `--find-links=…` / `-f…` (known to be paths). */
function installPaths(cmd: Command): Array<{ value: string; isPath: boolean }> {
  const out: Array<{ value: string; isPath: boolean }> = [];
  cmd.args.forEach((a, k) => {
    out.push({ value: a.value, isPath: k > 0 && FIND_LINKS.includes(cmd.args[k - 1]!.value) });
    const attached = optionValue([a], FIND_LINKS);
    if (attached && attached !== a) out.push({ value: attached.value, isPath: true });
  });
  return out;
}

/** Whether `value` (an `rm` argument) removes what the `COPY` put in place: the destination, its contents, or a directory above it. */
function removes(value: string, c: Copied, abs: string | null, workdir: Instruction | null): boolean {
  const dest = c.dest || '/';
  const bare = value.replace(/\/\*[^/]*$/, '').replace(/\/+$/, '') || '/';
  if (bare === dest || dest.startsWith(`${bare}/`)) return true;
  // The wheels copied into the working directory, by a glob there (`rm -f *.whl`).
  if (dest === '.' && workdir === c.workdir && !value.includes('/') && (value.includes('*') || value.endsWith('.whl'))) return true;
  if (c.destAbs === null || abs === null) return false;
  // A glob in the destination directory, the root included (`WORKDIR /`, `COPY … .`, `rm -f /*.whl`).
  if (/\/\*[^/]*$/.test(abs) && (abs.replace(/\/\*[^/]*$/, '') || '/') === c.destAbs) return true;
  const absBare = abs.replace(/\/\*[^/]*$/, '').replace(/\/+$/, '') || '/';
  return absBare !== '/' && (absBare === c.destAbs || c.destAbs.startsWith(`${absBare}/`));
}

function isRm(cmd: Command): boolean {
  return cmd.name === 'rm';
}

export default defineRule({
  name: 'wheels-left-in-image',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow copying wheels into the final stage to install them; bind-mount them instead',
    category: 'size',
    scope: 'final-stage',
    messages: {
      left: 'The wheels copied here stay in this `COPY` layer after they are installed (line {{line}}), even if a later step deletes them: the image carries every package twice. Install with `RUN --mount=type=bind,from={{from}},source={{path}},target={{target}} {{install}}` instead.',
      removed: 'The `rm` on line {{rmLine}} does not shrink the image: it only hides the wheels in a later layer, because the files stay in this `COPY` layer, so the image carries every package twice (installed on line {{line}}). Drop the `COPY` and the `rm` and install with `RUN --mount=type=bind,from={{from}},source={{path}},target={{target}} {{install}}` instead.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(finalStage) {
        const copied: Copied[] = [];
        /** Copies reported already installed, waiting to see whether an `rm` follows. */
        const installed: Array<{ c: Copied; line: number; rmLine: number | null }> = [];
        const rmScan = (stage: Stage, instr: Instruction, cmds: Command[]) => {
          for (const cmd of cmds) {
            if (!isRm(cmd)) continue;
            for (const entry of installed) {
              if (entry.rmLine !== null) continue;
              if (cmd.args.some((a) => !a.value.startsWith('-') && removes(a.value, entry.c, absolute(model, stage, instr, a.value), workdirInstruction(model, stage, instr)))) {
                entry.rmLine = model.lines.position(cmd.start).line;
              }
            }
          }
        };
        // The final stage and the stages it is built `FROM`: their layers all ship.
        const instructions = model.lineage(finalStage).reverse().flatMap((s) => s.instructions.map((instr) => ({ instr, stage: s })));
        for (const { instr, stage } of instructions) {
          const k = instr.getKeyword();
          if (k === 'COPY') {
            const args = copyArgs(model, instr);
            if (!args?.from || !args.destination) continue;
            const destRaw = args.destination.value;
            const dest = destRaw.replace(/\/+$/, '') || (destRaw ? '/' : '');
            const intoDir = destRaw.endsWith('/') || args.sources.length > 1 || dest === '.' || dest === '/';
            for (const s of args.sources) {
              if (!WHEELS.test(s.value.replace(/\/+$/, ''))) continue;
              const path = s.value.replace(/\/\*.*$/, '').replace(/\/+$/, '') || '/';
              // A directory (or `dir/*`) is copied into the destination; a single wheel file lands at
              // `dest/<name>` when the destination is a directory, else at the destination itself.
              const file = !/\/\*/.test(s.value) && /\.whl$/.test(path);
              const relTarget = file && intoDir ? `${dest === '/' ? '' : dest}/${path.slice(path.lastIndexOf('/') + 1)}` : dest;
              const destAbs = absolute(model, stage, instr, dest);
              const targetAbs = absolute(model, stage, instr, relTarget);
              // A relative target is resolved against WORKDIR by BuildKit, as the COPY destination was.
              let target = targetAbs ?? relTarget.replace(/^\.\//, '');
              // A mount on `/` (or on a working directory that may be `/`) would hide the whole file system, pip included;
              // one on the working directory (`WORKDIR /app`, `COPY --from=builder /app/dist/*.whl .`) would hide the
              // application the stage put there (litellm: `COPY . .` first) for the length of the `RUN`.
              const workdir = workdirAt(model, stage, instr);
              const moved = target === '/' || target === '.' || target === '' || (workdir !== null && target === joinPath('/', workdir));
              if (moved) target = '/wheels';
              copied.push({ source: s, dest, destAbs, from: args.from, path, target, moved, workdir: workdirInstruction(model, stage, instr) });
            }
            continue;
          }
          if (k !== 'RUN') continue;
          const cmds = model.commands(instr);
          rmScan(stage, instr, cmds);
          if (!copied.length) continue;
          cmds.forEach((cmd, n) => {
            if (!pipInstall(cmd) && !uvInstall(cmd)) return;
            const paths = installPaths(cmd);
            const workdir = workdirInstruction(model, stage, instr);
            for (const c of [...copied]) {
              if (!paths.some((p) => inDest(p.value, c, absolute(model, stage, instr, p.value.replace(/^file:\/\//, '')), p.isPath, workdir))) continue;
              const entry = { c, line: instr.getRange().start.line + 1, rmLine: null };
              installed.push(entry);
              // An `rm` later in the same RUN.
              rmScan(stage, instr, cmds.slice(n + 1));
              copied.splice(copied.indexOf(c), 1);
            }
          });
        }
        for (const { c, line, rmLine } of installed) {
          const target = c.target === '/tmp' || c.target === '/var/tmp' ? `${c.target},rw` : c.target;
          const data = { line, rmLine: rmLine ?? 0, from: c.from, path: c.path, target, install: c.moved ? `pip install ${c.target}/…` : 'pip install …' };
          context.report({ messageId: rmLine === null ? 'left' : 'removed', data, range: { start: c.source.start, end: c.source.end } });
        }
      },
    };
  },
});
