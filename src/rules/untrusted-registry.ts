import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { parseImageRef } from '~/engine/image';
import type { Stage } from '~/engine/model';
import { resolveStageRef, stageRefs } from '~/engine/stage-refs';
import type { ReportRange } from '~/engine/types';

/** Docker Hub's other names. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

function normalizeRegistry(registry: string | null): string {
  const r = (registry ?? 'docker.io').toLowerCase();
  return DOCKER_HUB.has(r) ? 'docker.io' : r;
}

/** `*.gcr.io` → /^.*\.gcr\.io$/i; a Docker Hub alias in the list stands for Docker Hub. */
function matcher(patterns: readonly string[]): (registry: string) => boolean {
  const res = patterns.map((p) => {
    const norm = DOCKER_HUB.has(p.toLowerCase()) ? 'docker.io' : p;
    return new RegExp(`^${norm.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  });
  return (registry) => res.some((re) => re.test(registry));
}

export default defineRule({
  name: 'untrusted-registry',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require images to come from the registries listed in `settings.trustedRegistries`',
    category: 'security',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3026'],
    messages: {
      untrusted: '`{{image}}` comes from `{{registry}}`, which is not a trusted registry ({{allowed}}). Use a copy of the image from a trusted registry, or add the registry to `settings.trustedRegistries`.',
    },
  },
  create(context) {
    const { model } = context;
    const list = context.options.settings?.trustedRegistries;
    // Without a list, the rule has nothing to enforce.
    if (!Array.isArray(list) || !list.length || !list.every((p): p is string => typeof p === 'string')) return {};
    const trusted = matcher(list);
    const allowed = list.map((p) => `\`${p}\``).join(', ');
    const check = (image: string, range: ReportRange) => {
      const ref = parseImageRef(image);
      if (!ref || ref.isScratch || ref.hasVariable && (ref.registry ?? '').includes('$')) return;
      if (ref.hasVariable && !ref.registry && image.trimStart().startsWith('$')) return;
      const registry = normalizeRegistry(ref.registry);
      if (trusted(registry)) return;
      context.report({ messageId: 'untrusted', data: { image, registry, allowed }, range });
    };
    const refs = (instr: Instruction, stage: Stage) => {
      for (const r of stageRefs(model, instr, stage)) {
        const t = resolveStageRef(model, r.value);
        if (t.kind === 'image' || t.kind === 'name') check(r.value, r.range);
      }
    };
    return {
      FROM(from, stage) {
        if (stage.parent || !stage.image) return;
        check(stage.imageText, from.getRegistryRange() ?? from.getImageNameRange() ?? from.getImageRange() ?? from.getRange());
      },
      COPY: refs,
      RUN: refs,
    };
  },
});
