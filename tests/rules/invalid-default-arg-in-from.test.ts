import rule from '~/rules/invalid-default-arg-in-from';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['ARG PY=3.12\nFROM python:${PY}-slim\n', 'ARG TAG=3.12\nFROM python:$TAG\n', 'ARG IMG=python:3.12-slim\nFROM $IMG\n', { name: 'quoted FROM and quoted default', code: 'ARG base_image=\'docker.io/library/debian:13-slim\'\nFROM "${base_image}" AS base\n' }, { name: 'a multi-name ARG declares each name (ARG REGISTRY PY_TAG=…)', code: 'ARG REGISTRY PY_TAG=3.12-slim\nFROM python:${PY_TAG}\n' }, { name: 'a default built from an earlier global ARG (ARG BASE_IMAGE=python:${PYTHON_VERSION}-slim, Prefect)', code: 'ARG PYTHON_VERSION=3.10\nARG BASE_IMAGE=python:${PYTHON_VERSION}-slim\nFROM ${BASE_IMAGE} AS final\n' }, { name: 'a nested word and a prefix removal (dockerfile 1.7: ${SUFFIX:+-${SUFFIX#-}})', code: 'ARG PYTHON_VERSION=3.12\nARG SUFFIX=-slim\nFROM python:${PYTHON_VERSION}${SUFFIX:+-${SUFFIX#-}} AS a\nFROM python:${PYTHON_VERSION}-${SUFFIX##*-}\nFROM python:${PYTHON_VERSION%.*}.11${SUFFIX%%-*}\n' }, { name: 'a default that falls back on itself (ARG PYTHON_VERSION=${PYTHON_VERSION:-3.11.2}, langchain)', code: 'ARG TAG=slim\nARG PYTHON_VERSION=${PYTHON_VERSION:-3.11.2}\nFROM python:$PYTHON_VERSION-$TAG AS base\n' }],
  invalid: [
    { code: 'ARG TAG\nFROM python:$TAG\n', errors: [{ messageId: 'invalid', line: 2, column: 6, endColumn: 17, message: /`python:`/ }] },
    { code: 'ARG IMAGE\nFROM $IMAGE\n', errors: [{ message: /\(empty\)/ }] },
    { name: 'an unbraced variable before a dash: the rest is not a default', code: 'ARG OPENCV_VERSION\nFROM querycap/opencv-debian:$OPENCV_VERSION-ffmpeg-buster AS gocv\n', errors: [{ message: /`querycap\/opencv-debian:-ffmpeg-buster`/, line: 2, column: 6, endColumn: 58 }] },
    { name: 'a default built from an earlier ARG that has none', code: 'ARG PYTHON_VERSION\nARG BASE_IMAGE=python:${PYTHON_VERSION}-slim\nFROM ${BASE_IMAGE}\n', errors: [{ message: /`python:-slim`/, line: 3, column: 6, endColumn: 19 }] },
    { name: 'a prefix removal on an ARG without a value expands to nothing', code: 'ARG IMAGE\nFROM ${IMAGE#docker.io/} AS app\n', errors: [{ message: /\(empty\)/, line: 2, column: 6, endColumn: 25 }] },
    { name: 'quoted FROM with no default', code: 'ARG IMAGE\nFROM "$IMAGE"\n', errors: [{ message: /\(empty\)/, line: 2, column: 6, endColumn: 14 }] },
  ],
});
