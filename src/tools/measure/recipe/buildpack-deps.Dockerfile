# Stand-in for buildpack-deps:bookworm, the base of the full python:3.11 image: its three layers
# (curl, scm, the full set of -dev packages) as in docker-library/buildpack-deps
# debian/bookworm/{curl,scm,.}/Dockerfile (MIT), on the debootstrap debian:bookworm stand-in.
FROM debian:bookworm

# buildpack-deps:bookworm-curl
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates \
		curl \
		gnupg \
		netbase \
		sq \
		wget \
	; \
	rm -rf /var/lib/apt/lists/*

# buildpack-deps:bookworm-scm (procps is very common in build systems, and is a reasonably small package)
RUN apt-get update && apt-get install -y --no-install-recommends \
		git \
		git-lfs \
		mercurial \
		openssh-client \
		subversion \
		\
		procps \
	&& rm -rf /var/lib/apt/lists/*

# buildpack-deps:bookworm
RUN set -ex; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		autoconf \
		automake \
		bzip2 \
		default-libmysqlclient-dev \
		dpkg-dev \
		file \
		g++ \
		gcc \
		imagemagick \
		libbz2-dev \
		libc6-dev \
		libcurl4-openssl-dev \
		libdb-dev \
		libevent-dev \
		libffi-dev \
		libgdbm-dev \
		libglib2.0-dev \
		libgmp-dev \
		libjpeg-dev \
		libkrb5-dev \
		liblzma-dev \
		libmagickcore-dev \
		libmagickwand-dev \
		libmaxminddb-dev \
		libncurses5-dev \
		libncursesw5-dev \
		libpng-dev \
		libpq-dev \
		libreadline-dev \
		libsqlite3-dev \
		libssl-dev \
		libtool \
		libwebp-dev \
		libxml2-dev \
		libxslt-dev \
		libyaml-dev \
		make \
		patch \
		unzip \
		xz-utils \
		zlib1g-dev \
	; \
	rm -rf /var/lib/apt/lists/*
