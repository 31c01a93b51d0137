#!/usr/bin/env bash
# Fetches libvirt's source package from Debian into .cache/libvirt-src (never committed), for the protocol
# generator: npx tsx lib/libvirt/gen/main.ts. Only needed to regenerate lib/libvirt/protocol/*.gen.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/libvirt-src
mkdir -p "$dest"
if ls -d "$dest"/libvirt-*/src/remote/remote_protocol.x >/dev/null 2>&1; then exit 0; fi
srclist=/etc/apt/sources.list.d/vireo-deb-src.sources
sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$srclist"
trap 'rm -f "$srclist"' EXIT
apt-get update -qq
tmp=$(mktemp -d)
(cd "$tmp" && apt-get source --download-only libvirt >/dev/null)
tarball=$(ls "$tmp"/libvirt_*.orig.tar.xz)
tar -C "$dest" -xJf "$tarball" --wildcards '*/src/remote/*.x' '*/src/rpc/*.x' '*/include/libvirt/*'
rm -rf "$tmp"
ls -d "$dest"/libvirt-*
