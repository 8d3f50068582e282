#!/bin/sh
# Stand-ins for debian:bookworm and debian:bookworm-slim, made the way the official images are
# (debuerreotype): debootstrap --variant=minbase, apt sources with updates and security, the
# docker-* apt/dpkg settings, no caches or logs, reproducible tarballs. The -slim tarball also drops
# documentation, man pages and locales (keeping copyright files) and tells dpkg to keep them out.
#
# usage: mkbase.sh OUTDIR MIRROR SECURITY_MIRROR EPOCH
#   writes OUTDIR/bookworm.tar and OUTDIR/bookworm-slim.tar; EPOCH (seconds) clamps every mtime.
# Needs root, debootstrap and a reachable Debian mirror. Part of the base recipe hash: editing this
# file rebuilds the bases.
set -eu
out=$1 mirror=$2 security=$3 epoch=$4
suite=bookworm
work=$(mktemp -d "$out/mkbase.XXXXXX")
rootfs="$work/rootfs"
cleanup() {
	umount "$rootfs/proc" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

debootstrap --variant=minbase "$suite" "$rootfs" "$mirror"

rm -f "$rootfs/etc/apt/sources.list"
cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

# The settings the official images carry (debuerreotype-minimizing-config).
cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
echo 'Acquire::GzipIndexes "true";' > "$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
echo 'Acquire::Languages "none";' > "$rootfs/etc/apt/apt.conf.d/docker-no-languages"
echo 'Apt::AutoRemove::SuggestsImportant "false";' > "$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"
echo 'force-unsafe-io' > "$rootfs/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
printf '#!/bin/sh\nexit 101\n' > "$rootfs/usr/sbin/policy-rc.d"
chmod 755 "$rootfs/usr/sbin/policy-rc.d"

# Point release and security updates, as the official images get them.
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" apt-get update -qq
DEBIAN_FRONTEND=noninteractive chroot "$rootfs" apt-get -y -qq -o Dpkg::Use-Pty=0 dist-upgrade
chroot "$rootfs" apt-get clean
umount "$rootfs/proc"

# No lists, caches, logs or host identity in the image.
rm -rf "$rootfs/var/lib/apt/lists/"* "$rootfs/var/cache/apt/"*.bin "$rootfs/var/cache/ldconfig/aux-cache"
rm -f "$rootfs/var/cache/debconf/"*-old "$rootfs/var/lib/dpkg/"*-old
find "$rootfs/var/log" -type f -delete
: > "$rootfs/etc/machine-id"
: > "$rootfs/etc/resolv.conf"
rm -f "$rootfs/etc/hostname"

pack() { # pack ROOTFS TARBALL: byte-for-byte reproducible for the same files
	tar --create --file "$2" --directory "$1" --numeric-owner --xattrs --sort=name \
		--mtime="@$epoch" --clamp-mtime --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' .
}
pack "$rootfs" "$out/bookworm.tar"

# -slim: what debuerreotype-slimify does.
cat > "$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'CONF'
# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
CONF
find "$rootfs/usr/share/doc" -mindepth 1 -not -type d -not -name copyright -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
for d in groff info linda lintian/overrides locale man; do
	if [ -d "$rootfs/usr/share/$d" ]; then find "$rootfs/usr/share/$d" -mindepth 1 -delete; fi
done
pack "$rootfs" "$out/bookworm-slim.tar"
