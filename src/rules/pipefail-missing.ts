import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import type { Command } from '~/engine/shell';

/**
 * Commands whose failure in front of a pipe means nothing: `echo`/`printf` of a literal cannot fail,
 * and `yes` is always killed by SIGPIPE when the reader is done, so with pipefail `yes | cmd` would
 * fail every time.
 */
const HARMLESS_FEEDERS = new Set(['echo', 'printf', 'yes', 'true']);

/**
 * Base images on which `/bin/sh` is bash, by repository path: Amazon Linux and AWS Lambda's base
 * images (`lambda/python`, `lambda/provided`, all built on it), Fedora, CentOS, Rocky, Alma and Oracle Linux, Red Hat UBI (`ubi9/ubi`, `ubi9/ubi-minimal`,
 * `ubi9/python-311`, `redhat/ubi9-minimal`). `ubi-micro` is left out.
 */
function shIsBash(path: string | undefined): boolean {
  if (!path) return false;
  const p = path.toLowerCase().replace(/^library\//, '');
  const name = p.slice(p.lastIndexOf('/') + 1);
  if (/micro/.test(p)) return false;
  return /^(amazonlinux|fedora|centos|rockylinux|almalinux|oraclelinux|ubi\d*|ubi\d+-(minimal|init))$/.test(name)
    || /^(ubi\d+|rhel\d+)\//.test(p)
    || /(^|\/)(lambda\/[a-z0-9.-]+|aws-lambda-[a-z0-9.-]+)$/.test(p);
}

/** `-o pipefail` given to `set` or to a shell (`set -Eeuo pipefail`, `bash -o pipefail -c …`). */
const PIPEFAIL_OPTION = /(?:^|[\s"'])-[a-zA-Z]*o[\s"']+pipefail\b/;

export default defineRule({
  name: 'pipefail-missing',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `set -o pipefail` (through `SHELL`) before a `RUN` that pipes one command into another',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL4006', 'trivy:DS-0032'],
    messages: {
      pipe: 'The exit status of this pipeline is that of its last command only: if `{{first}}` fails, the build goes on. Add {{fix}}.',
    },
  },
  create(context) {
    const { model } = context;
    /**
     * The SHELL in effect for the stage before `line` (null: the default `/bin/sh -c`), and whether it
     * has pipefail or is not a POSIX shell.
     */
    const shellBefore = (stage: Stage, runLine: number): { shell: string | null; covered: boolean } => {
      let shell: string | null = null;
      let covered = false;
      for (const s of [...model.lineage(stage)].reverse()) {
        for (const i of s.instructions) {
          if (s === stage && i.getRange().start.line >= runLine) break;
          if (i.getKeyword() !== 'SHELL') continue;
          const text = i.getArgumentsContent() ?? '';
          // The shell program: the first word, or the one `conda run … /bin/bash -c` ends with.
          const words = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
          shell = words.find((w) => /(^|\/)(bash|zsh|ash|ksh)$/.test(w)) ?? words[0] ?? text;
          covered = /pipefail/.test(text) || /pwsh|powershell|cmd(\.exe)?"/i.test(text);
        }
      }
      return { shell, covered };
    };
    /** What to write, for the shell the stage's base image has. */
    /** The line of the first `RUN ln -sf /bin/bash /bin/sh` of each stage's lineage (-1: none), found once per stage. */
    const bashAsSh = new Map<Stage, { stage: Stage; line: number } | null>();
    const shBecameBash = (stage: Stage, runLine: number): boolean => {
      if (!bashAsSh.has(stage)) {
        let found: { stage: Stage; line: number } | null = null;
        for (const s of [...model.lineage(stage)].reverse()) {
          const i = s.instructions.find((x) => x.getKeyword() === 'RUN' && /\bln\s+-[a-zA-Z]*s[a-zA-Z]*\s+(?:\S*\/)?bash\s+\/bin\/sh\b/.test(x.getArgumentsContent() ?? ''));
          if (i) { found = { stage: s, line: i.getRange().start.line }; break; }
        }
        bashAsSh.set(stage, found);
      }
      const f = bashAsSh.get(stage);
      return !!f && (f.stage !== stage || f.line < runLine);
    };
    const fixFor = (stage: Stage, shell: string | null, script: string | null, runLine: number): string => {
      // `RUN <<EOF bash` or a heredoc starting with `#!/bin/bash`: the script has its own shell.
      if (script) return `\`set -o pipefail\` at the start of the script (it runs under ${script})`;
      // `SHELL ["/bin/bash", "-c"]` already: only the option is missing.
      if (shell !== null && /(^|\/)(bash|zsh|ash|ksh)$/.test(shell)) return `\`-o pipefail\` to the \`SHELL\` instruction that selects \`${shell}\` (or start the \`RUN\` with \`set -o pipefail &&\`)`;
      const distro = context.inOnbuild ? undefined : model.baseImage(stage)?.distro?.distro;
      // `RUN ln -sf /bin/bash /bin/sh` earlier: `/bin/sh` is bash from then on, and knows the option.
      if (shBecameBash(stage, runLine)) return '`set -o pipefail &&` at the start of the `RUN` (`/bin/sh` is bash here, after the `ln` that replaced it), or `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it';
      if (distro === 'alpine') return '`set -o pipefail &&` at the start of the `RUN`, or `SHELL ["/bin/ash", "-o", "pipefail", "-c"]` before it (Alpine has no bash)';
      // Amazon Linux (and Lambda's Python images), Fedora, RHEL/UBI and their rebuilds: `/bin/sh` is bash.
      if (!context.inOnbuild && shIsBash(model.baseImage(stage)?.path)) return '`set -o pipefail &&` at the start of the `RUN` (`/bin/sh` is bash on this base image), or `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it';
      if (distro === 'debian' || distro === 'ubuntu') return '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it (`set -o pipefail` in the `RUN` itself fails here: `/bin/sh` is dash, which has no such option)';
      return '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it if the image has bash (or start the `RUN` with `set -o pipefail &&` where `/bin/sh` supports it; dash does not)';
    };
    /**
     * Whether the `|` before `cmds[i]` separates the alternatives of a `case` pattern
     * (`case "$arch" in amd64|arm64) …`), which the command list shows as a pipeline.
     */
    const inCasePattern = (cmds: readonly Command[], i: number): boolean => {
      let first = i - 1;
      while (first > 0 && cmds[first]!.joinedBy === '|') first--;
      let last = i;
      while (cmds[last + 1]?.joinedBy === '|') last++;
      if (!/^[ \t]*\)/.test(model.text.slice(cmds[last]!.end, cmds[last]!.end + 20))) return false;
      const head = cmds[first]!;
      if (head.joinedBy === ';;') return true;
      return /\bcase\s+$/.test(model.text.slice(Math.max(0, head.start - 20), head.start)) && head.args.some((a) => a.value === 'in');
    };
    /** `ps aux | grep app || true`: the pipeline's status is thrown away, so pipefail changes nothing. */
    const failureIgnored = (cmds: readonly Command[], i: number): boolean => {
      let last = i;
      while (cmds[last + 1]?.joinedBy === '|') last++;
      const next = cmds[last + 1];
      return next?.joinedBy === '||' && (next.name === 'true' || next.name === ':') && next.args.length === 0;
    };
    return {
      RUN(run, stage) {
        if (/^\s*\[/.test(run.getArgumentsContent() ?? '')) return;
        const cmds = model.commands(run);
        // The commands that feed a pipe: every command followed by one joined with `|`.
        let feeder: Command | null = null;
        let piped: Command | null = null;
        for (let i = 1; i < cmds.length; i++) {
          if (cmds[i]!.joinedBy !== '|' || HARMLESS_FEEDERS.has(cmds[i - 1]!.name)) continue;
          if (inCasePattern(cmds, i) || failureIgnored(cmds, i)) continue;
          feeder = cmds[i - 1]!;
          piped = cmds[i]!;
          break;
        }
        if (!feeder || !piped) return;
        // `set -Eeuo pipefail; …`, `bash -o pipefail -c '…'` before the pipe.
        const { start } = model.offsets(run.getArgumentsRange() ?? run.getRange());
        if (PIPEFAIL_OPTION.test(model.text.slice(start, feeder.start))) return;
        const { shell, covered } = shellBefore(stage, run.getRange().start.line);
        if (covered) return;
        // The whole pipeline the feeder starts, up to its last command.
        let last = cmds.indexOf(piped);
        let first = cmds.indexOf(feeder);
        while (first > 0 && cmds[first]!.joinedBy === '|') first--;
        while (cmds[last + 1]?.joinedBy === '|') last++;
        const heredoc = /^\s*<<-?(["']?)[A-Za-z_][\w-]*\1[ \t]+(\S*?(?:bash|zsh|ash|ksh))\b/.exec(model.text.slice(start))?.[2]
          ?? /^\s*<<-?(["']?)[A-Za-z_][\w-]*\1[^\n]*\r?\n#!\s*(\S*?(?:bash|zsh|ash|ksh)|\/usr\/bin\/env\s+(?:bash|zsh))\b/.exec(model.text.slice(start))?.[2]
          ?? null;
        context.report({ messageId: 'pipe', data: { first: feeder.name, fix: fixFor(stage, shell, heredoc, run.getRange().start.line) }, range: { start: cmds[first]!.start, end: cmds[last]!.end } });
      },
    };
  },
});
