#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, then runs every test:
# Rust unit and integration tests, a real build of the site (root and under a base path),
# and the browser tests in headless Chromium against dist/ served on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages: Debian's Chromium and its driver for the browser tests, and a Japanese
# font: without one every character renders as an empty box, text links shrink and the
# tap-target and screenshot checks measure something no user sees.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v fc-list >/dev/null || missing+=(fontconfig)
{ command -v fc-list >/dev/null && fc-list :lang=ja family | grep -q 'Noto Sans CJK'; } || missing+=(fonts-noto-cjk)
# nginx runs deploy/nginx.conf in tests/e2e/host-config.test.mjs.
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing+=(libnginx-mod-http-brotli-filter)
# Java runs the Nu HTML checker (npm vnu-jar) in tests/e2e/valid-html.test.mjs; installed
# before npm ci, so vnu-jar's install step finds it and downloads no Java of its own.
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

fc-list :lang=ja family | grep -q 'Noto Sans CJK' || { echo "no Japanese font after installing fonts-noto-cjk" >&2; exit 1; }

echo "== wasm target"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

echo "== browser-test packages (npm ci)"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
# binaryen 132 from npm: Debian's wasm-opt 108 breaks wasm-bindgen's externref table.
export WASM_OPT="$PWD/tests/e2e/node_modules/.bin/wasm-opt"

echo "== format and lints (rustfmt, clippy on the native and the wasm target, warnings denied)"
cargo fmt --all --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib -p kyoten-navi --target wasm32-unknown-unknown --no-default-features \
  --features hydrate,island-all -- -D warnings

echo "== Rust tests"
cargo test --release

echo "== building the site (dist/ and a copy under a base path)"
cargo run --release -- build
cargo run --release -- build --base-path /kyoten/navi/ --out target/dist-sub

echo "== browser tests"
(cd tests/e2e && node --test --test-concurrency=1)
