#!/bin/sh
# make release: builds with the commit in `enplan --version`, then puts BuildInfo.swift back.
#   scripts/build-info.sh swift build -c release --static-swift-stdlib --product enplan
set -eu
cd "$(dirname "$0")/.."
file=Sources/enplan/BuildInfo.swift
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || true)
if [ -n "$commit" ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+changes"; fi
if [ -z "$commit" ]; then exec "$@"; fi
cp "$file" "$file.orig"
trap 'mv "$file.orig" "$file"; touch "$file"' EXIT INT TERM
sed "s/static let commit: String? = nil/static let commit: String? = \"$commit\"/" "$file.orig" > "$file"
"$@"
