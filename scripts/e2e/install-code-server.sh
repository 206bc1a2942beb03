#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the end-to-end tests into a cache folder outside the
# tracked files, using only the npm registry and Debian apt. Idempotent: when the pinned version is already
# installed it returns at once. Prints the path of the code-server launcher on its last line.
#
#   scripts/e2e/install-code-server.sh            # installs into $COORD_E2E_CACHE (default: <repo>/.e2e)
#
# code-server 4.100.3 (VS Code 1.100.3) is the newest release whose engines accept Node 20, the system Node
# here; it is installed and run with that Node, never with the Node 22 that `npm run` puts first on PATH.
set -euo pipefail

CS_VERSION=4.100.3
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${COORD_E2E_CACHE:-$REPO/.e2e}
DEST=$CACHE/code-server-$CS_VERSION
MARKER=$DEST/.installed
LAUNCHER=$DEST/node_modules/code-server/out/node/entry.js

# Drop node_modules/.bin folders from PATH so that `node` and `npm` are the system ones (see above).
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/node_modules/\.bin$' | paste -sd: -)
export PATH

if [ -f "$MARKER" ] && [ -f "$LAUNCHER" ]; then
  echo "$LAUNCHER"
  exit 0
fi

# One install at a time (two test runs started together); the second finds the first one's result.
mkdir -p "$CACHE"
exec 9>"$CACHE/.install-code-server.lock"
flock 9
if [ -f "$MARKER" ] && [ -f "$LAUNCHER" ]; then
  echo "$LAUNCHER"
  exit 0
fi

NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_MAJOR" != 20 ]; then
  echo "install-code-server: code-server $CS_VERSION needs Node 20 on PATH (outside node_modules/.bin); found $(node --version)" >&2
  exit 2
fi

# Build tools for code-server's native modules (kerberos needs the GSSAPI headers of libkrb5-dev);
# the Debian ripgrep replaces the binary that @vscode/ripgrep would download from GitHub.
need=()
for p in build-essential python3 pkg-config libkrb5-dev ripgrep; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-code-server: missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# @vscode/ripgrep's postinstall downloads rg from api.github.com unless its cache already holds the archive
# (lib/download.js looks in <tmpdir>/vscode-ripgrep-cache-<package version>/ first).
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) echo "install-code-server: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-$RG_TARGET.tar.gz" -C "$(dirname "$(command -v rg)")" rg

echo "install-code-server: installing code-server $CS_VERSION into $DEST (about a minute)…" >&2
started=$(date +%s)
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{"name":"coord-e2e-code-server","private":true}' > package.json
# Not `-g`: with npm 11 the nested `npm install` of code-server's postinstall inherits npm_config_global=true
#   and removes code-server itself.
# npm_config_yes=true: node-pty's postinstall runs `npx node-gyp`, which a machine-wide yes=false cancels.
# npm_config_nodedir=/usr: build against the installed Node headers instead of downloading them.
# npm_config_unsafe_perm=true: code-server's postinstall refuses to run as root without it.
npm_config_yes=true npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_global=false \
  timeout 1200 npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CS_VERSION" >&2
# code-server writes a default config on first start; keep it inside the cache, not in ~/.config.
version=$(XDG_CONFIG_HOME=$DEST/.xdg/config XDG_DATA_HOME=$DEST/.xdg/data node "$LAUNCHER" --version | grep -m1 "^[0-9]" || true)
case "$version" in
  "$CS_VERSION"*) ;;
  *) echo "install-code-server: unexpected version '$version'" >&2; exit 1 ;;
esac
touch "$MARKER"
echo "install-code-server: installed code-server $version in $(( $(date +%s) - started )) s" >&2
echo "$LAUNCHER"
