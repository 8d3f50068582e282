import type { Instruction } from 'dockerfile-ast';
import { aptInstall, packageName, systemInstall } from '~/engine/apt';
import { pipInstall, truthy } from '~/engine/commands';
import { buildVar } from '~/engine/build-env';
import { defineRule } from '~/engine/define-rule';
import { compareRelease, type ImageRef } from '~/engine/image';
import type { DockerfileModel, Stage } from '~/engine/model';
import { hasFlag } from '~/engine/shell';

/** The directories of a default PATH: anything else may hold another pip (a virtualenv, conda, pyenv). */
const STANDARD_PATH = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', '$PATH', '${PATH}']);

/**
 * The release of an official `debian`, `ubuntu` or `alpine` base whose system Python is marked as
 * externally managed (PEP 668): Debian 12 bookworm and newer, Ubuntu 23.04 and newer (23.10 mantic is
 * the oldest release still known here), Alpine 3.19 and newer (`alpine`, `alpine:latest`, `alpine:3`
 * and `alpine:edge` included); null for any other image.
 */
function managedRelease(base: ImageRef | null): string | null {
  if (!base || base.hasVariable || !base.distro) return null;
  const hub = base.registry === null || base.registry === 'docker.io' || base.registry === 'index.docker.io';
  if (!hub || (base.path !== base.name && base.path !== `library/${base.name}`)) return null;
  const { distro, codename } = base.distro;
  if (base.name !== distro) return null;
  if (distro === 'alpine') {
    if (codename === null) return /^(latest|edge|3)?$/.test(base.tag ?? '') ? `Alpine (what \`alpine:${base.tag ?? 'latest'}\` points to today)` : null;
    const [major, minor] = codename.split('.').map(Number) as [number, number];
    return major > 3 || (major === 3 && minor >= 19) ? `Alpine ${codename}` : null;
  }
  if (!codename) return null;
  const managed = distro === 'debian' ? compareRelease(codename, 'bookworm') >= 0 : distro === 'ubuntu' ? compareRelease(codename, 'mantic') >= 0 : false;
  if (!managed) return null;
  const name = `${distro === 'debian' ? 'Debian' : 'Ubuntu'} ${codename}`;
  return base.distro.explicit ? name : `${name} (what \`${base.name}:${base.tag ?? 'latest'}\` points to today)`;
}

/** Whether the instruction lets pip past the marker for good: removes `EXTERNALLY-MANAGED`, or configures `break-system-packages`. */
function liftsMarker(instr: Instruction): boolean {
  const k = instr.getKeyword();
  if (k !== 'RUN' && k !== 'COPY') return false;
  return liftsText(instr.getTextContent());
}

/** Text that removes the marker, or writes pip configuration (`pip config set`, a pip.conf) that sets `break-system-packages`. */
function liftsText(text: string): boolean {
  return /EXTERNALLY-MANAGED/.test(text) || (/break[-_]system[-_]packages/i.test(text) && /pip\.(conf|ini)\b|\bconfig\s+set\b/.test(text));
}

export default defineRule({
  name: 'pip-externally-managed',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `pip install` into the system Python of Debian 12, Ubuntu 23.04, Alpine 3.19 and newer, which refuses it (PEP 668)',
    category: 'correctness',
    scope: 'all-stages',
    messages: {
      managed: '`{{command}}` installs into the system Python of {{release}}, which is marked as externally managed (PEP 668): pip stops with `error: externally-managed-environment` and the build fails. Create a virtualenv (`python3 -m venv /opt/venv`, then `/opt/venv/bin/pip install …`), install the {{distro}} package (`{{prefix}}-<name>`), or use a `python:*-{{variant}}` base image.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (context.inOnbuild) return;
        const base = model.baseImage(stage);
        const release = managedRelease(base);
        if (!release) return;
        const alpine = base?.distro?.distro === 'alpine';
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = pipInstall(cmd);
          if (!call || call.tool !== 'pip') return;
          // The system pip: `pip`, `pip3`, `python3 -m pip`, by name or from /usr/bin. A versioned or
          // other interpreter (`python3.12 -m pip` from deadsnakes, `/opt/venv/bin/pip`) is another Python.
          const program = cmd.program.value;
          if (!/^((\/usr)?\/bin\/)?(pip3?|python3?)$/.test(program)) return;
          // pip skips the check with these options, or is told to ignore the marker.
          if (hasFlag(call.args, ['--break-system-packages', '--target', '-t', '--prefix', '--root'])) return;
          // pip (optparse) takes any unambiguous prefix of a long option: `--break-system-package` works.
          if (call.args.some((a) => a.value.length >= 7 && '--break-system-packages'.startsWith(a.value))) return;
          // In front of the command, exported earlier in the RUN, or by ENV or ARG.
          if (truthy(buildVar(model, stage, 'PIP_BREAK_SYSTEM_PACKAGES', run, cmd, cmds)?.value)) return;
          if (buildVar(model, stage, 'VIRTUAL_ENV', run, cmd, cmds)?.value) return;
          const path = buildVar(model, stage, 'PATH', run, cmd, cmds)?.value;
          if (path && path.split(':').some((d) => d && !STANDARD_PATH.has(d.replace(/\/+$/, '')))) return;
          if (!usesSystemPython(model, stage, run, cmds, i)) return;
          context.report({
            messageId: 'managed',
            data: {
              command: `${program} ${program.startsWith('python') ? '-m pip ' : ''}install`, release,
              distro: alpine ? 'Alpine' : 'Debian', prefix: alpine ? 'py3' : 'python3', variant: alpine ? 'alpine' : 'slim',
            },
            range: { start: cmd.program.start, end: call.subcommand!.end },
          });
        });
      },
    };
  },
});

/** Per stage, computed once: where its first instruction that lifts the marker, and its first `apt-get install python3-pip` (or `apk add py3-pip`), start (-1: none). */
const firstOf = new WeakMap<Stage, { lift: number; pip: number }>();

/**
 * Whether the pip at `cmds[index]` of `run` is the system one, with the marker in place: `python3-pip`
 * (Alpine: `py3-pip`) was installed with apt (apk) before it (in the stage, a parent, or earlier in this RUN), and nothing in
 * between activates a virtualenv in this RUN or lifts the marker (`pip config set
 * global.break-system-packages`, a pip.conf, a removed `EXTERNALLY-MANAGED` file).
 */
function usesSystemPython(model: DockerfileModel, stage: Stage, run: Instruction, cmds: ReturnType<DockerfileModel['commands']>, index: number): boolean {
  const at = model.offsets(run.getRange()).start;
  let pipInstalled = false;
  for (const s of model.lineage(stage)) {
    let first = firstOf.get(s);
    if (!first) {
      const offset = (i: Instruction | undefined) => (i ? model.offsets(i.getRange()).start : -1);
      first = {
        lift: offset(s.instructions.find(liftsMarker)),
        pip: offset(s.instructions.find((i) => i.getKeyword() === 'RUN' && model.commands(i).some(installsPip))),
      };
      firstOf.set(s, first);
    }
    const before = (o: number) => o >= 0 && (s !== stage || o < at);
    if (before(first.lift)) return false;
    if (before(first.pip)) pipInstalled = true;
  }
  for (const c of cmds.slice(0, index)) {
    if (installsPip(c)) pipInstalled = true;
    // `. /opt/venv/bin/activate && pip install …`, `export PIP_BREAK_SYSTEM_PACKAGES=1`.
    if ((c.name === '.' || c.name === 'source') && c.args.some((a) => /(^|\/)activate$/.test(a.value))) return false;
    if (liftsText([c.program, ...c.args].map((w) => w.value).join(' '))) return false;
  }
  return pipInstalled;
}

function installsPip(c: Parameters<typeof aptInstall>[0]): boolean {
  if (aptInstall(c)?.packages.some((p) => packageName(p) === 'python3-pip')) return true;
  const apk = systemInstall(c);
  return apk?.manager === 'apk' && apk.packages.some((p) => p.value.replace(/[~<>=].*$/, '') === 'py3-pip');
}
