import { aptInstall, packageName } from '~/engine/apt';
import { compareRelease } from '~/engine/image';
import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'libgl1-mesa-glx-removed',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow installing `libgl1-mesa-glx` on Debian trixie, Ubuntu 23.10 or newer, where the package no longer exists',
    category: 'apt',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      removed: '`libgl1-mesa-glx` does not exist on {{release}}{{implicit}}: `apt-get install` fails. Install `libgl1` instead, or better, use `opencv-python-headless`, which needs no GL libraries.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const base = model.baseImage(stage);
        const distro = base?.distro;
        const codename = distro?.codename;
        if (!distro || !codename) return;
        const gone = distro.distro === 'debian' ? compareRelease(codename, 'trixie') >= 0 : distro.distro === 'ubuntu' ? compareRelease(codename, 'mantic') >= 0 : false;
        if (!gone) return;
        for (const cmd of model.commands(run)) {
          const call = aptInstall(cmd);
          if (!call) continue;
          for (const p of call.packages) {
            if (packageName(p) !== 'libgl1-mesa-glx') continue;
            context.report({
              messageId: 'removed',
              data: { release: `${distro.distro === 'debian' ? 'Debian' : 'Ubuntu'} ${codename}`, implicit: distro.explicit ? '' : base?.python ? ' (what a python tag without a codename means since August 2025)' : ` (what \`${base?.name ?? distro.distro}:${base?.tag ?? 'latest'}\` points to today)` },
              range: { start: p.start, end: p.end },
              // A version pin (`=22.3.6-1+deb12u1`) names a libgl1-mesa-glx build: libgl1 has its own versions, so the pin goes too.
              suggestions: [{ title: 'Install `libgl1` instead', edits: [{ start: p.start, end: p.value.startsWith('libgl1-mesa-glx=') ? p.end : p.start + 'libgl1-mesa-glx'.length, text: 'libgl1' }] }],
            });
          }
        }
      },
    };
  },
});
