# Sourced by .ci/run and scripts/demo.sh: makes sure this Debian machine has what the project
# needs, installing only what is missing:
# - Debian's Chromium and Firefox ESR (the browser tests and the demo drive them; nothing
#   downloads a browser of its own);
# - a Node that runs TypeScript files directly (type stripping: Node >= 22.18); where the
#   machine's Node is older, Node 24 from the npm registry into ~/.cache/modelgates-node, put
#   first on PATH for the rest of the calling script.
# Unattended: no prompts, no stdin.

export DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> %s\n' "$*"; }

# apt needs root; use sudo when we are not root and it is there.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "error: '$*' needs root and sudo is not available" >&2
    exit 1
  fi
}

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    say "apt-get update"
    as_root apt-get update </dev/null
    apt_updated=yes
  fi
  say "apt-get install -y $*"
  as_root apt-get install -y --no-install-recommends "$@" </dev/null
}

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  say "Chromium found at $chromium_path"
else
  apt_install chromium
  chromium_path=/usr/bin/chromium
fi
export CHROMIUM_PATH="$chromium_path"

firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ -x "$firefox_path" ]; then
  say "Firefox found at $firefox_path"
else
  apt_install firefox-esr
  firefox_path=/usr/bin/firefox-esr
fi
export FIREFOX_PATH="$firefox_path"

# Debian 12's own Node is 18: just enough to fetch a current one from the npm registry.
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi

strips_types() { [ -n "$(node -p 'process.features.typescript ?? ""' 2>/dev/null)" ]; }
if ! strips_types; then
  node_prefix="$HOME/.cache/modelgates-node"
  if [ -x "$node_prefix/node_modules/.bin/node" ]; then
    say "Node $(node --version 2>/dev/null || echo none) cannot run TypeScript: using the Node 24 in $node_prefix"
  else
    say "Node $(node --version 2>/dev/null || echo none) cannot run TypeScript: installing node@24 into $node_prefix"
    npm install --prefix "$node_prefix" --no-audit --no-fund node@24 </dev/null
  fi
  export PATH="$node_prefix/node_modules/.bin:$PATH"
fi
say "Using Node $(node --version), npm $(npm --version)"
