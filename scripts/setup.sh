# Sourced by run-local, run-tests and scripts/cdk-app (or by hand: `source scripts/setup.sh`). Installs the pinned
# Node tooling (npm ci) when package.json or package-lock.json is newer than the last install, then chooses the Node
# that runs it: Node 22 or later from PATH, else the Node 22 that npm installed for this platform (an optional
# dependency, shipped for Linux x64 and arm64 and Intel macOS). The choice is linked at node_modules/.bin/node, the
# one path that LocalWorkflow, jsii (JSII_NODE) and the infra tests use. Written for bash 3.2 and BSD or GNU tools.

# Sets _euc_version and _euc_exec (the real executable) for the node command $1; fails unless it is Node 22 or later.
_euc_probe() {
  local answer
  answer=$("$1" -p 'process.versions.node + " " + process.execPath' 2>/dev/null) || answer=""
  _euc_version=${answer%% *}
  _euc_exec=${answer#* }
  [ -n "$answer" ] && [ "${_euc_version%%.*}" -ge 22 ] 2>/dev/null
}

_euc_setup() {
  local installed=node_modules/.package-lock.json target="" path_version="" candidate
  if [ ! -f "$installed" ] || [ package-lock.json -nt "$installed" ] || [ package.json -nt "$installed" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "npm is not on PATH: install Node.js 22 or later, which includes npm (https://nodejs.org;" \
        "macOS: brew install node@22)" >&2
      return 1
    fi
    # Under npm or npx (cdk.json's app runs inside the CDK CLI) node_modules must not be replaced under the caller.
    if [ -n "${npm_command:-}" ]; then
      echo "node_modules is older than package-lock.json: run npm ci first" >&2
      return 1
    fi
    echo "Installing Node tooling (npm ci)..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2 || return 1
  fi

  if _euc_probe node; then
    target=$_euc_exec
    # Under npx, node on PATH is this link itself: keep npm's own relative form of the link then.
    case $target in "$(pwd -P)"/node_modules/*) target=../${target#"$(pwd -P)"/node_modules/} ;; esac
  else
    path_version=$_euc_version
    for candidate in node_modules/node-*/bin/node; do
      if [ -x "$candidate" ] && _euc_probe "$candidate"; then
        target=../${candidate#node_modules/}
        break
      fi
    done
  fi
  if [ -z "$target" ]; then
    echo "Node.js 22 or later is needed (the local interpreter uses Promise.withResolvers), but" \
      "${path_version:+node on PATH is v$path_version}${path_version:-no node is on PATH} and npm ships none for" \
      "$(uname -s) $(uname -m) here. Install Node.js 22 or later (macOS: brew install node@22; Linux: your" \
      "distribution's nodejs 22 package, or https://nodejs.org) and run this again." >&2
    return 1
  fi
  # Relinked only when the choice changed, so that runs started side by side never see the link missing.
  if [ "$(readlink node_modules/.bin/node 2>/dev/null)" != "$target" ]; then
    mkdir -p node_modules/.bin && ln -sf "$target" node_modules/.bin/node || return 1
  fi
  export JSII_NODE="$PWD/node_modules/.bin/node"
  export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
}

_euc_setup
_euc_status=$?
unset -f _euc_probe _euc_setup
unset _euc_version _euc_exec
return $_euc_status
