#!/usr/bin/env bash
# Writes the control service's secret application.properties (the Secret
# heatgrid-control-config that the StatefulSet mounts at /app/config): the operator API users.
# Keeps the users of an existing OUT_FILE; makes missing ones with random passwords and prints
# them once.
#
#   deploy/k8s/make-control-config.sh OUT_FILE
#
# No broker credentials here: each pod's broker user comes from the fleet file
# (<site>.controller) and its password from the Secret heatgrid-mqtt-controllers
# (OUT/controllers of `./heatgrid fleet-auth`, README.md).
set -euo pipefail

die() { echo "make-control-config: $*" >&2; exit 1; }
out=${1:-}
[[ -n $out && $# -eq 1 ]] || die "usage: make-control-config.sh OUT_FILE"

random() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

umask 077
trap 'rm -f "$out.tmp"' EXIT
kept=""
[[ -f $out ]] && kept=$(grep '^quarkus\.security\.users\.embedded\.' "$out" || true)
new_users=()
{
  echo "# heatgrid control service secrets (deploy/k8s/make-control-config.sh)."
  echo "# Secret heatgrid-control-config, key application.properties. Never commit this file."
  echo "# Operator API users (roles viewer, operator, admin)."
  [[ -n $kept ]] && echo "$kept"
  for role in viewer operator admin; do
    if ! grep -q "^quarkus\.security\.users\.embedded\.users\.$role=" <<<"$kept"; then
      pw=$(random)
      new_users+=("$role: $pw")
      echo "quarkus.security.users.embedded.users.$role=$pw"
      echo "quarkus.security.users.embedded.roles.$role=$role"
    fi
  done
} >"$out.tmp"
mv "$out.tmp" "$out"
chmod 600 "$out"

if ((${#new_users[@]})); then
  echo "New operator API users (shown once; kept in $out):"
  for u in "${new_users[@]}"; do echo "  $u"; done
fi
