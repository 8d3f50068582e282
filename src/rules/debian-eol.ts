import { DISTRO_RELEASES } from '~/engine/data/distro-releases';
import { defineRule } from '~/engine/define-rule';
import { imageRange } from '~/engine/stage-image';

/** `a`, `a or b`, `a, b or c`. */
function orList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}` : items.join('');
}

export default defineRule({
  name: 'debian-eol',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow base images that name a Debian or Ubuntu release past its end of life',
    category: 'base-image',
    scope: 'all-stages',
    messages: {
      eol: '{{distro}} {{codename}} ({{version}}) stopped receiving security updates on {{date}}. Move to a supported release ({{supported}}).',
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
        const tagRange = stage.from.getImageTagRange();
        // The codename (`buster` of `3.9-slim-buster`), else the version (`20.04` of `cuda:…-ubuntu20.04`, `10` of `debian:10-slim`).
        let at = tag.toLowerCase().indexOf(release.codename);
        let length = release.codename.length;
        if (at < 0) {
          const m = new RegExp(`(^|[^\\d.])(${release.version.replace('.', '\\.')})(?=$|[^\\d])`).exec(tag);
          if (m) { at = m.index + m[1]!.length; length = release.version.length; }
        }
        const range = at >= 0 && !tag.includes('$') && tagRange
          ? { start: model.offsets(tagRange).start + at, end: model.offsets(tagRange).start + at + length }
          : imageRange(stage, 'tag');
        const name = release.distro === 'debian' ? 'Debian' : 'Ubuntu';
        const supported = DISTRO_RELEASES.filter((r) => r.distro === release.distro && r.released <= today && r.eol > today)
          .map((r) => (r.distro === 'debian' ? r.codename : `${r.version} (${r.codename})`));
        context.report({
          messageId: 'eol',
          data: { distro: name, codename: release.codename, version: release.version, date: release.eol, supported: supported.length ? `${name} ${orList(supported)}` : `a current ${name} release` },
          range,
        });
      },
    };
  },
});
