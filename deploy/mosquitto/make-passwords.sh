#!/usr/bin/env bash
# Creates the broker's password file: one user per building (user name = building id) and the
# controller. Needs mosquitto_passwd (Debian package mosquitto).
#
#   deploy/mosquitto/make-passwords.sh OUT_DIR [BUILDING...]
#
# Without buildings: B01..B16 of site campus16. Writes
#   OUT_DIR/credentials  plain "user:password" lines, mode 600; hand each gateway its own line
#                        and keep the file secret. Lines already there are kept, so running the
#                        script again changes no password; missing users get a random one.
#   OUT_DIR/passwd       the hashed file for mosquitto's password_file.
set -euo pipefail

out=${1:?usage: make-passwords.sh OUT_DIR [BUILDING...]}
shift
if (($#)); then
  buildings=("$@")
else
  buildings=(B01 B02 B03 B04 B05 B06 B07 B08 B09 B10 B11 B12 B13 B14 B15 B16)
fi
command -v mosquitto_passwd >/dev/null 2>&1 || {
  echo "make-passwords: mosquitto_passwd not found (apt-get install mosquitto)" >&2; exit 1; }

for b in "${buildings[@]}"; do
  if [[ ! $b =~ ^[A-Za-z0-9_-]{1,64}$ ]] || [[ $b == controller ]]; then
    echo "make-passwords: bad building id '$b' (letters, digits, _ and -; not 'controller')" >&2
    exit 2
  fi
done

umask 077
mkdir -p "$out"
creds="$out/credentials"
touch "$creds"
for user in controller "${buildings[@]}"; do
  if ! grep -q "^${user}:" "$creds"; then
    echo "${user}:$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" >>"$creds"
  fi
done

tmp="$out/passwd.tmp"
cp "$creds" "$tmp"
mosquitto_passwd -U "$tmp"
mv "$tmp" "$out/passwd"
echo "make-passwords: $(wc -l <"$creds") users in $out/passwd (plain passwords in $creds)" >&2
