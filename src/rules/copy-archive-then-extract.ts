import type { Instruction } from 'dockerfile-ast';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import { unquote, type Command, type Word } from '~/engine/shell';

/** Archives `ADD` extracts: tar, uncompressed or compressed with gzip, bzip2 or xz. */
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
/** tar options `ADD` cannot reproduce. */
const UNSUPPORTED = /^--(strip-components|exclude|exclude-from|wildcards|transform|xform|files-from|include|to-stdout|to-command|anchored|no-anchored)\b/;
/** tar options that take the next word as their value. */
const WITH_VALUE = new Set(['-C', '--directory', '-f', '--file', '-b', '--blocking-factor', '-H', '--format', '--owner', '--group', '--mode', '-I', '--use-compress-program']);

function basename(path: string): string {
  return path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1);
}

/** The archive a `tar` extraction reads, or null when it is not a plain extraction ADD could do. */
function extracted(cmd: Command): string | null {
  if (cmd.name !== 'tar') return null;
  const args = cmd.args;
  let extract = false;
  let file: string | null = null;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (UNSUPPORTED.test(v) || v === '-T' || v === '-X' || v === '-O') return null;
    if (v === '--extract' || v === '--get') { extract = true; continue; }
    if (v.startsWith('--file=')) { file = v.slice(7); continue; }
    if (v.startsWith('--')) { if (WITH_VALUE.has(v)) { if (v === '--file') file = args[i + 1]?.value ?? null; i++; } continue; }
    // `-xzf a.tgz`, `-xf a.tar`, and the old style `xzf a.tgz` as the first word.
    const cluster = v.startsWith('-') ? v.slice(1) : i === 0 && /^[a-zA-Z]+$/.test(v) && v.includes('x') ? v : null;
    if (cluster !== null && /^[a-zA-Z]+$/.test(cluster)) {
      if (cluster.includes('x')) extract = true;
      if (/[OTX]/.test(cluster)) return null;
      const f = cluster.indexOf('f');
      if (f >= 0) { file = args[i + 1]?.value ?? null; i++; }
      else if (cluster.endsWith('C')) i++;
      continue;
    }
    if (v.startsWith('-')) { if (WITH_VALUE.has(v)) i++; continue; }
    operands.push(v);
  }
  // Members named after the archive: ADD always extracts everything.
  if (!extract || !file || operands.length) return null;
  return basename(file);
}

export default defineRule({
  name: 'copy-archive-then-extract',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Prefer `ADD` to `COPY` followed by `tar -x` for local tar archives',
    category: 'size',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3010'],
    messages: {
      copiedThenExtracted: '`{{archive}}` is copied in, then extracted by `tar` on line {{line}}: the archive itself stays in the `COPY` layer. `ADD {{archive}} <directory>/` extracts a local tar archive in one step and keeps only its contents.',
    },
  },
  create(context) {
    const { model } = context;
    const archives = new Map<Stage, Array<{ name: string; word: Word; reported: boolean }>>();
    return {
      COPY(copy: Instruction, stage) {
        const c = copyArgs(model, copy);
        if (!c || c.from || !c.destination) return;
        const list = archives.get(stage) ?? [];
        const dest = unquote(c.destination.value);
        for (const s of c.sources) {
          const name = basename(unquote(s.value));
          if (!ARCHIVE.test(name) || name.includes('$') || /^https?:/.test(s.value)) continue;
          list.push({ name, word: s, reported: false });
          // `COPY app.tgz /tmp/bundle.tgz` renames it.
          if (c.sources.length === 1 && ARCHIVE.test(dest) && !dest.endsWith('/')) list.push({ name: basename(dest), word: s, reported: false });
        }
        archives.set(stage, list);
      },
      RUN(run, stage) {
        const list = archives.get(stage);
        if (!list?.length) return;
        for (const cmd of model.commands(run)) {
          const name = extracted(cmd);
          if (!name) continue;
          for (const a of list) {
            if (a.reported || a.name !== name) continue;
            for (const b of list) if (b.word === a.word) b.reported = true;
            context.report({
              messageId: 'copiedThenExtracted',
              data: { archive: unquote(a.word.value), line: model.lines.position(cmd.start).line },
              range: { start: a.word.start, end: a.word.end },
            });
          }
        }
      },
    };
  },
});
