#!/usr/bin/env bash
# CI entry of the deploy checks: installs the validator's npm packages exactly as locked
# (package-lock.json), then checks deploy/compose and deploy/k8s (check.mjs). No container engine,
# no cluster and no network but the npm registry. Uses kubectl (kubectl kustomize) and
# docker-compose when installed; see deploy/README.md.
#
#   bash deploy/validate/check.sh               # the checks
#   bash deploy/validate/check.sh --self-test   # prove broken copies are caught
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v node >/dev/null 2>&1 || { echo "check.sh: node not found (Node.js 20 or later)" >&2; exit 2; }
if ! out=$(npm ci --no-audit --no-fund --loglevel=error 2>&1); then
  echo "$out" >&2
  echo "check.sh: npm ci failed" >&2
  exit 2
fi
exec node check.mjs "$@"
