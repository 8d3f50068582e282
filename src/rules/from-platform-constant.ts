import { defineRule } from '~/engine/define-rule';

/** Architecture spellings as BuildKit normalises them. */
const ARCH: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386' };

export default defineRule({
  name: 'from-platform-constant',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow a constant `FROM --platform` value',
    category: 'base-image',
    scope: 'all-stages',
    sources: ['hadolint:DL3029', 'buildkit:FromPlatformFlagConstDisallowed'],
    messages: {
      constant: '`--platform={{platform}}` ties this stage to one platform: a multi-platform build gets `{{platform}}` here for every target, and builds on other machines run it under emulation. Use `$BUILDPLATFORM` for a stage that only builds, leave the flag out (or use `$TARGETPLATFORM`) for a stage that ships, or put `{{arch}}` in the stage name if the stage is meant for that platform only.',
    },
  },
  create(context) {
    return {
      FROM(from, stage) {
        const flag = from.getPlatformFlag();
        const value = flag?.getValue();
        const range = flag?.getValueRange();
        // Variables (`$BUILDPLATFORM`, `${TARGETPLATFORM}`) are what the flag is for.
        if (!value || !range || value.includes('$')) return;
        const parts = value.toLowerCase().split('/');
        if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p))) return;
        const os = parts[0]!;
        const arch = parts[1] ? (ARCH[parts[1]] ?? parts[1]) : '';
        // BuildKit's exception: a stage named after its platform (`build-arm64`) is deliberate.
        const name = stage.name ?? '';
        if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) return;
        context.report({ messageId: 'constant', data: { platform: value, arch: arch || os }, range });
      },
    };
  },
});
