import rule from '~/rules/opencv-gui-libs';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python-headless\n',
    'FROM python:3.12-slim\nRUN apt-get install -y libglib2.0-0\n',
    { name: 'X11 libraries for wkhtmltopdf (pdfkit)', code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends fontconfig libxrender1 libxext6 xfonts-75dpi\n' },
    { name: 'browser libraries installed by hand', code: 'FROM python:3.12-slim\nRUN apt-get install -y libglib2.0-0 libnss3 libxext6 libxrender1 libgbm1\n' },
    { name: 'GL for a Qt application (pytest-qt)', code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libgl1 libegl1 libxkbcommon-x11-0 libdbus-1-3\nRUN pip install --no-cache-dir PySide6 pytest-qt\n' },
    { name: 'GL for an OpenGL renderer', code: 'FROM python:3.12-slim\nRUN apt-get install -y libgl1 libglu1-mesa freeglut3-dev\n' },
    { name: 'a browser needs them itself', code: 'FROM python:3.12-slim\nRUN apt-get install -y chromium libgl1 libxext6\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get install -y libglib2.0-0 libsm6 libxrender1 libxext6\n',
      errors: [{ messageId: 'guis', line: 2, column: 37, endColumn: 64, message: /`libsm6`, `libxrender1`, `libxext6`/ }],
    },
    { code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libgl1\n', errors: 1 },
    {
      name: 'X11 libraries alone, when the file installs OpenCV',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y libsm6 libxext6\nRUN pip install opencv-python==4.10.0.84\n',
      errors: [{ messageId: 'guis', line: 2, column: 24, endColumn: 39 }],
    },
    {
      name: 'Qt libraries beside OpenCV do not hide it',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y libgl1 libxkbcommon-x11-0\nRUN pip install opencv-python\n',
      errors: [{ messageId: 'gui', line: 2, column: 24, endColumn: 30 }],
    },
    {
      name: 'the headless build is installed already: drop the libraries, no advice to install it',
      code: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 libsm6 libxext6 libxrender1\nRUN pip install --no-cache-dir opencv-python-headless mediapipe\n',
      errors: [{ messageId: 'headlesses', line: 2, column: 66, endColumn: 113, message: /^`libgl1`, `libsm6`, `libxext6`, `libxrender1` are GUI libraries .* this Dockerfile installs `opencv-python-headless`, which needs none\. Drop them, unless another package pulls in the GUI `opencv-python`/ }],
    },
    {
      name: 'the contrib headless build, one library',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y libgl1\nRUN pip install opencv-contrib-python-headless==4.10.0.84\n',
      errors: [{ messageId: 'headless', line: 2, column: 24, endColumn: 30, message: /installs `opencv-contrib-python-headless`, which needs none\. Drop it/ }],
    },
    { name: 'dnf on an AWS Lambda image', code: 'FROM public.ecr.aws/lambda/python:3.12\nRUN dnf install -y mesa-libGL && dnf clean all\n', errors: [{ messageId: 'gui', line: 2, column: 20, endColumn: 30, message: /^`mesa-libGL` is a GUI library/ }] },
  ],
});
