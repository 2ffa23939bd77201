#!/usr/bin/env bash
# Writes the control service's secret application.properties for a fleet (the Secret
# heatgrid-control-config that the StatefulSet mounts at /app/config). Keeps the operator API
# users of an existing OUT_FILE; makes missing ones with random passwords and prints them once.
#
#   deploy/k8s/make-control-config.sh FLEET_JSON CREDENTIALS OUT_FILE [STATEFULSET]
#
# FLEET_JSON   the overlay's fleet.json (its order is the pods' order: pod N runs site N)
# CREDENTIALS  the fleet broker's plain user:password lines, with <site>.controller for each site
# STATEFULSET  the control StatefulSet's name, heatgrid-control unless an overlay renames it
#
# All pods mount the same file, so every pod's broker user and password are in it, keyed by the
# pod's name; each pod picks its own through the property expressions below, with
# HEATGRID_POD_NAME from the StatefulSet (MicroProfile Config composed expressions). A pod whose
# name is missing (more replicas than sites) fails at start, naming the missing key.
set -euo pipefail

die() { echo "make-control-config: $*" >&2; exit 1; }
fleet=${1:-}
creds=${2:-}
out=${3:-}
sts=${4:-heatgrid-control}
[[ -n $fleet && -n $creds && -n $out ]] ||
  die "usage: make-control-config.sh FLEET_JSON CREDENTIALS OUT_FILE [STATEFULSET]"
[[ -r $fleet ]] || die "cannot read $fleet"
[[ -r $creds ]] || die "cannot read $creds"

mapfile -t sites < <(grep -o '"site"[[:space:]]*:[[:space:]]*"[^"]*"' "$fleet" | sed 's/.*"\([^"]*\)"$/\1/')
((${#sites[@]})) || die "no \"site\" entries in $fleet"

fleet_name=$(grep -o '"fleet"[[:space:]]*:[[:space:]]*"[^"]*"' "$fleet" | sed 's/.*"\([^"]*\)"$/\1/' | head -n 1)

random() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

umask 077
trap 'rm -f "$out.tmp"' EXIT
kept=""
[[ -f $out ]] && kept=$(grep '^quarkus\.security\.users\.embedded\.' "$out" || true)
new_users=()
{
  echo "# heatgrid control service secrets for fleet ${fleet_name:-?} (deploy/k8s/make-control-config.sh)."
  echo "# Secret heatgrid-control-config, key application.properties. Never commit this file."
  echo "# Each pod's broker user and password, by pod name (pod N runs site N of fleet.json):"
  echo 'heatgrid.mqtt.user=${fleet-mqtt.user.${HEATGRID_POD_NAME}}'
  echo 'heatgrid.mqtt.password=${fleet-mqtt.password.${HEATGRID_POD_NAME}}'
  for i in "${!sites[@]}"; do
    user="${sites[$i]}.controller"
    pw=$(grep -F -m 1 "$user:" "$creds" | grep "^${user//./\\.}:" | cut -d: -f2- || true)
    [[ -n $pw ]] || die "no line '$user:...' in $creds"
    echo "fleet-mqtt.user.$sts-$i=$user"
    echo "fleet-mqtt.password.$sts-$i=$pw"
  done
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
echo "make-control-config: ${#sites[@]} sites (${sites[*]}) for pods $sts-0..$((${#sites[@]} - 1)) in $out" >&2
