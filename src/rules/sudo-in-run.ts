import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';

const ROOT = /^(root|0)(:.*)?$/;
/** The user sudo switches to: `-u app`, `-Hu app`, `--user=app`, `--user app`. */
const TARGET = /(?:^|\s)(?:-[a-zA-Z]*u\s*|--user[=\s]+)(['"]?)([^\s'"]+)\1/;
/** Docker Official Images (`python`, `library/debian`): they run as root unless a `USER` says otherwise. */
const OFFICIAL = /^(?:library\/)?[a-z0-9._-]+$/;
const INSTALLERS = new Set(['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);

export default defineRule({
  name: 'sudo-in-run',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `sudo` in `RUN`',
    category: 'security',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3004', 'trivy:DS-0010', 'checkov:CKV2_DOCKER_1'],
    messages: {
      asRoot: '`sudo` is not needed: this step already runs as root{{missing}}. Remove it.',
      asOtherUser: '`sudo -u {{target}}` runs this command as `{{target}}`{{missingOther}}. Switch with `USER {{target}}` before the steps that should run as that user, and back with `USER root` after them.',
      unknownUser: '`sudo` in a build step, on a base image that may set its own non-root user (`{{image}}`): run the steps that need root after `USER root` and switch back to that user after them, or, if the image runs as root, remove `sudo`.',
      asUser: '`sudo` in a build step: switch with `USER root` before the steps that need root, and back to `USER {{user}}` after them, instead of shipping `sudo` in the image.',
    },
  },
  create(context) {
    const { model } = context;
    /** Whether the stage or a stage it is built from installs the sudo package. */
    const installedIn = new Map<Stage, boolean>();
    const sudoInstalled = (stage: Stage): boolean => {
      let result = installedIn.get(stage);
      if (result === undefined) {
        result = model.lineage(stage).some((s) => s.instructions.some((i) => i.getKeyword() === 'RUN'
          && model.commands(i).some((c) => INSTALLERS.has(c.name) && c.args.some((a) => a.value === 'sudo'))));
        installedIn.set(stage, result);
      }
      return result;
    };
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        // Only RUNs that use sudo need the USER in effect (a scan of earlier instructions).
        if (!cmds.some((c) => c.name === 'sudo' || c.wrappers.includes('sudo'))) return;
        const seen = new Set<number>();
        const user = context.inOnbuild ? null : model.userBefore(stage, run);
        // With no USER in the Dockerfile, the base image decides: the official images run as root, other
        // images (`gitpod/workspace-full`, `ocaml/opam`, devcontainers) often switch to a user of their own.
        const base = context.inOnbuild ? null : model.baseImage(stage);
        const unknown = user === null && !context.inOnbuild && !(base && (base.isScratch || OFFICIAL.test(base.path)) && (!base.registry || base.registry === 'docker.io'));
        const root = user === null || ROOT.test(user);
        const runStart = model.offsets(run.getRange()).start;
        const installed = !context.inOnbuild && sudoInstalled(stage);
        for (const cmd of cmds) {
          let start: number;
          let end: number;
          if (cmd.name === 'sudo') {
            ({ start, end } = cmd.program);
          } else if (cmd.wrappers.includes('sudo')) {
            // The last `sudo` word before the program (it may sit outside an `sh -c` script).
            const before = model.text.slice(runStart, cmd.program.start);
            const matches = [...before.matchAll(/(^|[\s"'/;&|(])sudo(?=[\s"']|$)/g)];
            const m = matches[matches.length - 1];
            if (!m) continue;
            start = runStart + m.index! + m[1]!.length;
            end = start + 4;
          } else continue;
          if (seen.has(start)) continue;
          seen.add(start);
          const removable = cmd.name !== 'sudo' && /^sudo[ \t]+(?![-\s])/.exec(model.text.slice(start, cmd.program.end));
          // `sudo -u app pip install --user …` as root drops privileges: sudo does something there.
          const target = cmd.name === 'sudo' ? null : TARGET.exec(model.text.slice(start + 4, cmd.program.start))?.[2] ?? null;
          const other = root && target !== null && !ROOT.test(target);
          context.report({
            messageId: other ? 'asOtherUser' : unknown ? 'unknownUser' : root ? 'asRoot' : 'asUser',
            data: {
              image: base?.raw ?? stage.imageText,
              user: user ?? 'root',
              target: target ?? '',
              missing: installed ? '' : ', and most base images do not install `sudo`, so the build fails',
              missingOther: installed ? ', which ships `sudo` in the image for it' : ', but most base images do not install `sudo`, so the build fails',
            },
            range: { start, end },
            suggestions: root && !other && !unknown && removable ? [{ title: 'Remove `sudo`', edits: [{ start, end: start + removable[0].length, text: '' }] }] : [],
          });
        }
      },
    };
  },
});
