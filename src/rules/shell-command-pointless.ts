import { defineRule } from '~/engine/define-rule';

/** Why each command has no place in a build step. */
const REASONS: Record<string, string> = {
  ssh: 'opens a remote session from a build step that nobody can answer; to reach private Git repositories during the build, forward an agent with `RUN --mount=type=ssh`',
  vim: 'is an interactive editor and nobody can type into a build step; change files with `sed` or `COPY` them in',
  shutdown: 'cannot shut anything down: a build step has no init system, and the image is not a running machine',
  service: 'starts or stops a service that dies when this `RUN` ends; start long-running processes from `CMD` or `ENTRYPOINT`',
  ps: 'lists the processes of a throw-away build container; nothing it shows reaches the image',
  top: 'shows the processes of a throw-away build container and waits for input; nothing it shows reaches the image',
  free: 'shows the memory of a throw-away build container; nothing it shows reaches the image',
  kill: 'has nothing to stop: no process outlives the `RUN` that started it',
  mount: 'needs privileges a build does not have, and mounts never reach the image; use `RUN --mount` for build-time files and caches',
  ifconfig: 'changes or shows the network of a throw-away build container; nothing of it reaches the image',
};

export default defineRule({
  name: 'shell-command-pointless',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Disallow commands in `RUN` that only make sense on a running machine (`ssh`, `vim`, `service`, `ps`, `kill`, …)',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL3001'],
    messages: {
      pointless: '`{{command}}` {{reason}}.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        const cmds = model.commands(run);
        const backgrounds = cmds.some((c) => c.joinedBy === '&');
        const mounts = model.mounts(run);
        const insecure = run.getFlags().some((f) => f.getName().toLowerCase() === 'security' && f.getValue() === 'insecure');
        cmds.forEach((cmd, i) => {
          const name = cmd.name;
          const reason = REASONS[name];
          if (!reason) return;
          // `vim --version`, `ps --help`: a check that the tool is there, not a use of it.
          if (cmd.args.some((a) => a.value === '--version' || a.value === '--help')) return;
          // `command -v ps` only asks whether ps exists.
          if (/\bcommand\s+-[vV]\b/.test(model.text.slice(cmd.start, cmd.program.start))) return;
          // A service started for later commands of the same RUN (`service postgresql start && psql …
          // && service postgresql stop`) is used.
          if (name === 'service' && (i < cmds.length - 1 || cmds.slice(0, i).some((c) => c.name === 'service'))) return;
          // A process put in the background by this RUN can be watched and stopped by it.
          if ((name === 'kill' || name === 'ps') && backgrounds) return;
          // `vim +PlugInstall +qall`, `vim -es -c …`: scripted, not interactive.
          if (name === 'vim' && cmd.args.some((a) => a.value.startsWith('+') || /^-([eEs]+|c)$/.test(a.value))) return;
          if (name === 'ssh' && mounts.some((m) => m.type === 'ssh')) return;
          if (name === 'mount' && insecure) return;
          context.report({
            messageId: 'pointless',
            data: { command: name, reason },
            range: { start: cmd.program.start, end: cmd.program.end },
          });
        });
      },
    };
  },
});
