#!/bin/sh
# How often one `termweave run` opens each shipped catalog for reading and replaces it, counted
# with strace on a copy of the shipped project (fresh state): once as shipped, once after an
# edited seed sentence (both catalogs are rewritten then).
#   sh scripts/count_catalog_opens.sh [PATH/TO/bin]   (default: .venv/bin; another checkout's
#   venv gives the baseline)
set -eu
cd "$(dirname "$0")/.."
bin=$(cd "${1:-.venv/bin}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count() {
    rm -rf "$work/p" && mkdir "$work/p"
    cp -r seeds glossary translations termweave.toml "$work/p/"
    (cd "$work/p" && eval "$1" && strace -f -qq -e trace=openat,rename -o "$work/trace" "$bin/termweave" run >/dev/null 2>&1 || true)
    for f in uk.po ko.po; do
        reads=$(grep "translations/$f\"" "$work/trace" | grep -v ENOENT | grep -c O_RDONLY || true)
        writes=$(grep -c "rename(.*translations/$f\"" "$work/trace" || true)
        echo "$2: $f read $reads, replaced $writes"
    done
}
count true "as shipped"
count "sed -i '0,/ war/s// conflict/' seeds/alliance-of-villains.txt" "edited seed"
