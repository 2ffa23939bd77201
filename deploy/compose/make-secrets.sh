#!/usr/bin/env bash
# Creates the secrets that compose.yaml mounts, in deploy/compose/secrets/ (gitignored) or in
# the folder given. Idempotent: what exists is kept, missing pieces get random values.
#
#   deploy/compose/make-secrets.sh [OUT_DIR]
#
# Writes (folder mode 700):
#   credentials                      plain user:password of the broker users (controller, B01..B16),
#   passwd                           and their hashes for Mosquitto: deploy/mosquitto/make-passwords.sh
#                                    (mode 600; read by compose's init service only, as root)
#   gateway-credentials              the building users' lines of credentials, for the virtual site
#   control-application.properties   the control service's MQTT password and its operator API users
#                                    viewer/operator/admin (printed once, when they are created)
#   grafana-admin-password           Grafana's admin password (printed once, when it is created)
# The last three are mode 644: compose mounts them as they are and the containers run as
# non-root users (65532, Grafana 472); the 700 folder keeps other host users out.
#
# Needs mosquitto_passwd (Debian: apt-get install mosquitto); without it, if docker is there,
# the broker image's mosquitto_passwd is used.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/secrets}
broker_image=eclipse-mosquitto:2.0.21

umask 077
mkdir -p "$out"
chmod 700 "$out"
out=$(cd "$out" && pwd)

random() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

# mosquitto_passwd from the broker image when the host has none (make-passwords.sh calls
# `mosquitto_passwd -U FILE` only).
if ! command -v mosquitto_passwd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1; then
  shim=$(mktemp -d)
  trap 'rm -rf "$shim"' EXIT
  cat >"$shim/mosquitto_passwd" <<EOF
#!/usr/bin/env bash
set -euo pipefail
[[ \$1 == -U ]] || { echo "mosquitto_passwd shim: only -U FILE" >&2; exit 2; }
dir=\$(cd "\$(dirname "\$2")" && pwd)
exec docker run --rm --network none --user "\$(id -u):\$(id -g)" -v "\$dir:/work" \\
  --entrypoint mosquitto_passwd $broker_image -U "/work/\$(basename "\$2")"
EOF
  chmod 755 "$shim/mosquitto_passwd"
  PATH=$shim:$PATH
fi

# Broker users: keeps existing passwords, adds missing users, rewrites passwd.
"$here/../mosquitto/make-passwords.sh" "$out"

# The virtual site's gateways get the building users only, never the controller's password.
grep -v '^controller:' "$out/credentials" >"$out/gateway-credentials.tmp"
mv "$out/gateway-credentials.tmp" "$out/gateway-credentials"
chmod 644 "$out/gateway-credentials"

# Control service: the MQTT password always follows credentials; API users are kept once made.
props=$out/control-application.properties
controller_pw=$(grep '^controller:' "$out/credentials" | head -n 1 | cut -d: -f2-)
kept=""
[[ -f $props ]] && kept=$(grep -v -e '^heatgrid\.mqtt\.password=' -e '^#' -e '^$' "$props" || true)
new_users=()
{
  echo "# heatgrid control service secrets (deploy/compose/make-secrets.sh), mounted at"
  echo "# /app/config/application.properties. Never commit this file."
  echo "heatgrid.mqtt.password=$controller_pw"
  [[ -n $kept ]] && echo "$kept"
  for role in viewer operator admin; do
    if ! grep -q "^quarkus\.security\.users\.embedded\.users\.$role=" <<<"$kept"; then
      pw=$(random)
      new_users+=("$role: $pw")
      echo "quarkus.security.users.embedded.users.$role=$pw"
      echo "quarkus.security.users.embedded.roles.$role=$role"
    fi
  done
} >"$props.tmp"
mv "$props.tmp" "$props"
chmod 644 "$props"

grafana=$out/grafana-admin-password
grafana_new=""
if [[ ! -s $grafana ]]; then
  grafana_new=$(random)
  printf '%s' "$grafana_new" >"$grafana"
fi
chmod 644 "$grafana"

if ((${#new_users[@]})) || [[ -n $grafana_new ]]; then
  echo "New passwords (shown once; they are kept in $out):"
  for u in "${new_users[@]}"; do echo "  operator API (http://127.0.0.1:8080)  $u"; done
  [[ -n $grafana_new ]] && echo "  Grafana (http://127.0.0.1:3000)       admin: $grafana_new"
fi
echo "make-secrets: secrets in $out" >&2
