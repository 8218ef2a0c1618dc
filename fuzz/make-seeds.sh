#!/usr/bin/env bash
# Seeds the fuzz corpus with the real content files: one input per file, its first byte
# the kind the target expects (0 facility, 1 area, 2 guide, 3 report, 4 practice,
# 5 catalogue, 6 screening), then the file's text.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/content
mkdir -p "$out"
seed() { local kind=$1; shift; for f in "$@"; do { printf "\\x0$kind"; cat "$f"; } > "$out/seed-$(basename "$(dirname "$f")")-$(basename "$f" .md)"; done; }
seed 0 ../content/facilities/*.md
seed 1 ../content/areas/*.md
seed 2 ../content/guides/*.md
seed 3 ../content/reports/*.md
seed 4 ../content/catalogue/practices/*.md
seed 5 ../content/catalogue/index.md
seed 6 ../content/screening/index.md
ls "$out" | wc -l
