import { aptInstall, packageName } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';

const GUI = new Set(['libgl1', 'libgl1-mesa-glx', 'libsm6', 'libxext6', 'libxrender1', 'libxrender-dev', 'libgtk2.0-0', 'libgtk-3-0']);

export default defineRule({
  name: 'opencv-gui-libs',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest `opencv-python-headless` instead of installing GUI libraries for OpenCV',
    category: 'size',
    scope: 'all-stages',
    messages: {
      gui: '`{{pkg}}` is a GUI library that `opencv-python` needs only because it bundles a GUI; a server never opens windows. Use `opencv-python-headless` and drop the X11/GL packages.',
      guis: '{{pkg}} are GUI libraries that `opencv-python` needs only because it bundles a GUI; a server never opens windows. Use `opencv-python-headless` and drop the X11/GL packages.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          const call = aptInstall(cmd);
          if (!call) continue;
          const gui = call.packages.filter((p) => GUI.has(packageName(p)));
          if (!gui.length) continue;
          const first = gui[0]!;
          const last = gui[gui.length - 1]!;
          const names = gui.map((p) => `\`${packageName(p)}\``).join(', ');
          context.report({ messageId: gui.length > 1 ? 'guis' : 'gui', data: { pkg: gui.length > 1 ? names : packageName(first) }, range: { start: first.start, end: last.end } });
        }
      },
    };
  },
});
