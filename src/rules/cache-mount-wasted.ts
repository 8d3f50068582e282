import { inlineEnv, pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';
import { hasFlag, type Word } from '~/engine/shell';

export default defineRule({
  name: 'cache-mount-wasted',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow turning off the pip or uv cache in a `RUN` that mounts a cache for it',
    category: 'cache',
    scope: 'all-stages',
    fixable: 'safe',
    messages: {
      wasted: '`{{flag}}` disables the cache that the `--mount=type=cache` on `{{target}}` provides, so the mount stays empty and every build downloads everything again. Remove `{{flag}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        const mounts = model.mounts(run);
        const pipMount = mountCovers(mounts.filter((m) => m.type === 'cache'), ['/root/.cache/pip']);
        const uvMount = mountCovers(mounts.filter((m) => m.type === 'cache'), ['/root/.cache/uv']);
        if (!pipMount && !uvMount) return;
        for (const cmd of model.commands(run)) {
          let flag: Word | null = null;
          let target = '';
          if (pipMount && pipInstall(cmd)?.tool === 'pip') {
            flag = hasFlag(cmd.args, ['--no-cache-dir']);
            target = pipMount.target ?? '';
            if (!flag && inlineEnv(cmd, 'PIP_NO_CACHE_DIR')) flag = cmd.env.find((w) => w.value.startsWith('PIP_NO_CACHE_DIR=')) ?? null;
          } else if (uvMount && uvInstall(cmd)) {
            flag = hasFlag(cmd.args, ['--no-cache']);
            target = uvMount.target ?? '';
            if (!flag && inlineEnv(cmd, 'UV_NO_CACHE')) flag = cmd.env.find((w) => w.value.startsWith('UV_NO_CACHE=')) ?? null;
          }
          if (!flag) continue;
          // Remove the word with its separator: the JSON comma before it, else the blanks after it.
          let start = flag.start;
          let end = flag.end;
          if (flag.raw.startsWith('"')) start = context.text.lastIndexOf(',', flag.start);
          else while (context.text[end] === ' ' || context.text[end] === '\t') end++;
          context.report({
            messageId: 'wasted',
            data: { flag: flag.value.split('=')[0]!, target },
            range: { start: flag.start, end: flag.end },
            fix: { title: `Remove \`${flag.value}\``, edits: [{ start, end, text: '' }] },
          });
        }
      },
    };
  },
});
