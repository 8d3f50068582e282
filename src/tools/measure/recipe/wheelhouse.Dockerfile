# The local package index's wheels: pure-Python distributions from Debian bookworm packages,
# repacked as py3-none-any wheels by repack.py. The build's only output is /wheels (exported with
# buildah build --output type=local); pip and setuptools come from CPython's ensurepip instead.
FROM debian:bookworm-slim AS repack
ARG PACKAGES
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 $PACKAGES \
 && rm -rf /var/lib/apt/lists/*
COPY repack.py /usr/local/lib/repack.py
RUN python3 /usr/local/lib/repack.py /wheels $PACKAGES

FROM scratch
COPY --from=repack /wheels /
