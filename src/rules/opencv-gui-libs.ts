import { packageName, systemInstall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';

/** The GL library whose absence is what `import cv2` reports (`libGL.so.1: cannot open shared object file`). */
const GL = new Set(['libgl1', 'libgl1-mesa-glx', 'mesa-libGL']);
/** The other X11 and GTK libraries of the GUI build (Debian/Ubuntu and RPM names). */
const GUI = new Set([...GL, 'libsm6', 'libxext6', 'libxrender1', 'libxrender-dev', 'libgtk2.0-0', 'libgtk-3-0', 'libSM', 'libXext', 'libXrender']);
/** Software that needs the X11 libraries itself: a browser, wkhtmltopdf, a virtual display. */
const OTHER_USERS = /^(chromium.*|google-chrome.*|firefox.*|wkhtmltopdf|xvfb|x11vnc|xauth|libreoffice.*|libnss3)$/;
/** Libraries of Qt and OpenGL applications (PyQt, pytest-qt, VTK, GLUT/GLFW renderers): GL for them, not for OpenCV. */
const GL_APPS = /^(libxkbcommon-x11-0|libegl1(-mesa)?|libqt\d.*|qt\d.*|freeglut3.*|libglu1(-mesa)?(-dev)?|libglfw3.*|mesa-utils|libosmesa6.*|xserver-xorg.*|libvtk.*)$/;
/** GLib, which every OpenCV wheel loads: beside X11 libraries, the classic OpenCV list (`libglib2.0-0 libsm6 libxext6 libxrender1`). */
const GLIB = /^(libglib2\.0-0(t64)?|glib2)$/;

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
      headless: '`{{pkg}}` is a GUI library that `opencv-python` needs only because it bundles a GUI, and this Dockerfile installs `{{headless}}`, which needs none. Drop it, unless another package pulls in the GUI `opencv-python` (see `pip show`); then install that one with `--no-deps` or keep the library.',
      headlesses: '{{pkg}} are GUI libraries that `opencv-python` needs only because it bundles a GUI, and this Dockerfile installs `{{headless}}`, which needs none. Drop them, unless another package pulls in the GUI `opencv-python` (see `pip show`); then install that one with `--no-deps` or keep the libraries.',
    },
  },
  create(context) {
    const { model } = context;
    // X11 libraries without the GL one are also what wkhtmltopdf or a browser needs: only about OpenCV when the file says so.
    const mentionsOpenCV = /opencv|\bcv2\b/i.test(model.text);
    // The headless build named in the file already (`pip install opencv-python-headless`): advising it would be advice already taken.
    const headless = /\bopencv(-contrib)?-python-headless\b/i.exec(model.text)?.[0].toLowerCase();
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          const call = systemInstall(cmd);
          if (!call || call.manager === 'apk') continue;
          const gui = call.packages.filter((p) => GUI.has(packageName(p)));
          if (!gui.length) continue;
          if (!mentionsOpenCV && !gui.some((p) => GL.has(packageName(p))) && !call.packages.some((p) => GLIB.test(packageName(p)))) continue;
          if (call.packages.some((p) => OTHER_USERS.test(packageName(p)))) continue;
          // GL beside a Qt or OpenGL application's libraries, in a file that never names OpenCV: that application needs it.
          if (!mentionsOpenCV && call.packages.some((p) => GL_APPS.test(packageName(p)))) continue;
          const first = gui[0]!;
          const last = gui[gui.length - 1]!;
          const names = gui.map((p) => `\`${packageName(p)}\``).join(', ');
          const messageId = headless ? (gui.length > 1 ? 'headlesses' : 'headless') : gui.length > 1 ? 'guis' : 'gui';
          context.report({ messageId, data: { pkg: gui.length > 1 ? names : packageName(first), headless: headless ?? '' }, range: { start: first.start, end: last.end } });
        }
      },
    };
  },
});
