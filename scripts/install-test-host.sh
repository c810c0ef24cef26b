#!/usr/bin/env bash
# Installs what test/host/code-server-launcher.js needs to run our integration
# tests inside a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by
# Debian's Chromium. Needed because @vscode/test-electron cannot download VS Code
# here (only the npm registry and Debian apt are reachable).
#
# Idempotent, non-interactive (works as root with CI=true and no stdin).
# Usage: bash scripts/install-test-host.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_VERSION="4.100.3"
CS_DIR="$ROOT/.vscode-test/code-server"     # git-ignored, NOT a dependency of the extension
CS_PKG="$CS_DIR/node_modules/code-server"
# @vscode/ripgrep version bundled by code-server 4.100.3 and the asset it wants.
RG_PKG_VERSION="1.15.11"
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

log() { echo "[install-test-host] $*"; }

# 1. Debian packages. chromium = the browser we drive; ripgrep = rg binary we
#    feed to @vscode/ripgrep; libkrb5-dev + pkg-config = native build of
#    code-server's kerberos dependency; fonts = readable screenshots.
APT_PKGS=(chromium ripgrep libkrb5-dev pkg-config fonts-dejavu-core)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt: installing missing packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq </dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
else
  log "apt: all present (${APT_PKGS[*]})"
fi

# 2. code-server (skip if the right version is fully installed). Its native modules
#    (argon2, kerberos, node-pty...) are compiled by node-gyp: needs python3, make, g++
#    and Node headers, which our machine image provides (npm's nodedir=/usr).
if [ -f "$CS_PKG/package.json" ] && [ -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
   && [ "$(node -p "require('$CS_PKG/package.json').version")" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION already installed in $CS_DIR"
  exit 0
fi

# 2a. @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable) unless
#     its cache already has the asset. The cache dir is
#     path.join(os.tmpdir(), 'vscode-ripgrep-cache-<its version>'), so ask Node
#     for os.tmpdir() (honours TMPDIR/TMP/TEMP) rather than assuming /tmp.
RG_CACHE="$(node -p "require('path').join(require('os').tmpdir(), 'vscode-ripgrep-cache-$RG_PKG_VERSION')")"
if [ ! -s "$RG_CACHE/$RG_ASSET" ]; then
  log "ripgrep: caching Debian's /usr/bin/rg as $RG_CACHE/$RG_ASSET"
  mkdir -p "$RG_CACHE"
  tmp="$(mktemp -d)"; cp /usr/bin/rg "$tmp/rg"
  tar -czf "$RG_CACHE/$RG_ASSET" -C "$tmp" rg
  rm -rf "$tmp"
else
  log "ripgrep: cache present at $RG_CACHE/$RG_ASSET"
fi

# 2b. Own package.json so npm does not walk up and add code-server to the
#     extension's package.json.
mkdir -p "$CS_DIR"
[ -f "$CS_DIR/package.json" ] || echo '{ "name": "cl-test-host", "private": true }' > "$CS_DIR/package.json"
log "npm: installing code-server@$CS_VERSION into $CS_DIR (about a minute)"
cd "$CS_DIR"
# unsafe_perm: code-server's postinstall must run as root; yes: no prompts.
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" </dev/null
[ -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || { log "ERROR: ripgrep missing after install"; exit 1; }
log "done: code-server $(node -p "require('$CS_PKG/package.json').version") at $CS_PKG/out/node/entry.js"
