# The one C extension; everything else about the package is in pyproject.toml.
from setuptools import Extension, setup

setup(ext_modules=[Extension("demoapp._speedups", ["src/demoapp/_speedups.c"])])
