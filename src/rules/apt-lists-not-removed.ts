import { appendEdit, runAppendPoint } from '~/engine/append';
import { aptCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';
import type { Command } from '~/engine/shell';

/** The lists directory, or a glob over its files (`/var/lib/apt/lists/*`, `/var/lib/apt/lists/*_*`). */
const LISTS = /^\/var\/lib\/apt(\/lists)?\/?(\*)?$|^\/var\/lib\/apt\/lists\/\*[^/]*$/;

/** `rm -rf /var/lib/apt/lists/*`, `find /var/lib/apt/lists -delete`, `apt-get dist-clean`. */
function removesLists(cmd: Command): boolean {
  if (cmd.name === 'rm') return cmd.args.some((a) => LISTS.test(a.value));
  if (cmd.name === 'find') return cmd.args.some((a) => LISTS.test(a.value)) && cmd.args.some((a) => a.value === '-delete' || a.value === '-exec');
  return aptCall(cmd)?.subcommand?.value === 'dist-clean';
}

export default defineRule({
  name: 'apt-lists-not-removed',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require removing apt package lists in the `RUN` that downloads them, in the image that ships',
    category: 'size',
    scope: 'final-stage',
    fixable: 'unsafe',
    sources: ['hadolint:DL3009'],
    messages: {
      listsPathWrong: '`{{command}}` downloads package lists into `/var/lib/apt/lists`, and this `RUN` leaves them in a layer of the final image: `rm {{path}}` misses them, since apt keeps its lists in `/var/lib/apt/lists`. Write `/var/lib/apt/lists/*`.',
      listsKept: '`{{command}}` downloads package lists into `/var/lib/apt/lists`, and this `RUN` leaves them in a layer of the final image. Add `&& rm -rf /var/lib/apt/lists/*` at the end of the same `RUN`, or keep them out of the image with `--mount=type=cache,target=/var/lib/apt/lists,sharing=locked`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        // Builder stages do not ship; ONBUILD triggers run in the image built from this one.
        if (!context.inOnbuild && !model.ships(stage)) return;
        if (mountCovers(model.mounts(run), ['/var/lib/apt/lists'])) return;
        const cmds = model.commands(run);
        let update = -1;
        cmds.forEach((c, i) => { if (aptCall(c)?.subcommand?.value === 'update') update = i; });
        if (update < 0) return;
        if (cmds.slice(update + 1).some(removesLists)) return;
        const cmd = cmds[update]!;
        const call = aptCall(cmd)!;
        // litestar-fullstack: `rm -rf /var/apt/lists/*`, a path apt never uses (also `/var/lib/apt/list/*`).
        const wrong = cmds.slice(update + 1).flatMap((c) => (c.name === 'rm' ? c.args : [])).find((a) => /^\/var\/.*\bapt\b.*\blists?\b/.test(a.value) && !a.value.startsWith('/var/lib/apt/lists'));
        if (wrong) {
          context.report({
            messageId: 'listsPathWrong',
            data: { command: `${cmd.name} update`, path: wrong.value },
            range: { start: cmd.program.start, end: call.subcommand!.end },
            suggestions: wrong.raw === wrong.value ? [{ title: 'Remove `/var/lib/apt/lists/*`', edits: [{ start: wrong.start, end: wrong.end, text: '/var/lib/apt/lists/*' }] }] : [],
          });
          return;
        }
        const at = runAppendPoint(model, run, cmds);
        context.report({
          messageId: 'listsKept',
          data: { command: `${cmd.name} update` },
          range: { start: cmd.program.start, end: call.subcommand!.end },
          suggestions: at === null ? [] : [{ title: 'Remove the lists at the end of this RUN', edits: [appendEdit(model, at, 'rm -rf /var/lib/apt/lists/*')] }],
        });
      },
    };
  },
});
