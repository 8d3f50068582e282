import { defineRule } from '~/engine/define-rule';
import { imageRange } from '~/engine/stage-image';

export default defineRule({
  name: 'debian-eol',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow base images that name a Debian or Ubuntu release past its end of life',
    category: 'base-image',
    scope: 'all-stages',
    messages: {
      eol: '{{distro}} {{codename}} ({{version}}) stopped receiving security updates on {{date}}. Move to a supported release (Debian bookworm or trixie).',
    },
  },
  create(context) {
    const { model } = context;
    const today = model.today;
    return {
      FROM(_from, stage) {
        const distro = stage.image?.distro;
        const release = distro?.release;
        if (!distro?.explicit || !release || release.eol > today) return;
        const tag = stage.from.getImageTag() ?? '';
        const range = imageRange(stage, 'tag');
        const at = tag.toLowerCase().indexOf(release.codename);
        const narrowed = at >= 0 && !tag.includes('$') && stage.from.getImageTagRange()
          ? { start: model.offsets(stage.from.getImageTagRange()!).start + at, end: model.offsets(stage.from.getImageTagRange()!).start + at + release.codename.length }
          : range;
        context.report({
          messageId: 'eol',
          data: { distro: release.distro === 'debian' ? 'Debian' : 'Ubuntu', codename: release.codename, version: release.version, date: release.eol },
          range: narrowed,
        });
      },
    };
  },
});
