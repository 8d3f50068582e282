import { cacheMountFor, pipCacheOff, uvCacheOff } from '~/engine/build-env';
import { pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { Mount } from '~/engine/mounts';

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
      wastedByEnv: '`{{variable}}` (set on line {{line}}) disables {{tool}}\'s cache, so this cache mount on `{{target}}` stays empty and every build downloads everything again. Remove `{{variable}}` and keep the mount; turn the cache off per command where there is no mount.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = model.mounts(run);
        if (!mounts.some((m) => m.type === 'cache')) return;
        const reported = new Set<Mount>();
        const uses: Array<{ tool: 'pip' | 'uv'; mount: Mount; off: ReturnType<typeof pipCacheOff> }> = [];
        for (const cmd of model.commands(run)) {
          const pip = pipInstall(cmd);
          const tool = pip?.tool === 'pip' ? 'pip' : uvInstall(cmd) || pip?.tool === 'uv' ? 'uv' : null;
          if (!tool) continue;
          const mount = cacheMountFor(model, stage, run, cmd, tool, mounts);
          if (!mount) continue;
          uses.push({ tool, mount, off: tool === 'pip' ? pipCacheOff(model, stage, run, cmd) : uvCacheOff(model, stage, run, cmd) });
        }
        // Another command of the RUN fills the mount (`pip install --no-cache-dir -U pip && pip install -r …`):
        // the mount is not wasted, one command just skips it.
        const filled = new Set(uses.filter((u) => !u.off).map((u) => `${u.tool} ${mounts.indexOf(u.mount)}`));
        for (const { tool, mount, off } of uses) {
          if (!off || filled.has(`${tool} ${mounts.indexOf(mount)}`)) continue;
          const target = mount.target ?? '';
          const word = 'flag' in off ? off.flag : off.variable.word;
          if (word) {
            // Remove the word with its separator: the JSON comma before it, else the blanks after it.
            let start = word.start;
            let end = word.end;
            if (word.raw.startsWith('"')) start = context.text.lastIndexOf(',', word.start);
            else while (context.text[end] === ' ' || context.text[end] === '\t') end++;
            // A word glued to a redirection (`--no-cache-dir<<EOF`) keeps no fix: removing it
            // would turn `<<EOF` into a heredoc marker and swallow the following lines.
            const glued = context.text[word.end] === '<';
            context.report({
              messageId: 'wasted',
              data: { flag: word.value.split('=')[0]!, target },
              range: { start: word.start, end: word.end },
              ...(glued ? {} : { fix: { title: `Remove \`${word.value}\``, edits: [{ start, end, text: '' }] } }),
            });
            continue;
          }
          // Set by ENV or ARG: other commands may rely on it, so point at the mount and offer no fix.
          if (!('variable' in off) || reported.has(mount)) continue;
          reported.add(mount);
          const variable = tool === 'pip' ? 'PIP_NO_CACHE_DIR' : 'UV_NO_CACHE';
          context.report({
            messageId: 'wastedByEnv',
            data: { variable, tool, target, line: (off.variable.instruction?.getRange().start.line ?? 0) + 1 },
            range: mount.targetRange ?? mount.range,
          });
        }
      },
    };
  },
});
