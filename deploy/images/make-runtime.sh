#!/usr/bin/env bash
# The images' base, made from the build machine's own JDK and C libraries, because the build has no
# container registry to pull a JRE image from (only Maven Central): a jlink'ed Java 17 runtime at
# /opt/java, the shared libraries it and the native libraries in the images (ND4J's OpenBLAS) load,
# the CA certificates, a non-root user 65532 in group 0 and writable /tmp and /var/lib/heatgrid.
# Jib then lays this folder under each image (deploy/images/pom.xml), as a distroless base would be.
#
#   deploy/images/make-runtime.sh OUT_DIR
set -euo pipefail
out=${1:?usage: make-runtime.sh OUT_DIR}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[[ -d $jdk/jmods ]] || { echo "make-runtime: $jdk has no jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

rm -rf "$out"
# /proc: empty, for a container runtime (or the smoke test's unshare --mount-proc) to mount over.
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/proc" "$out/home/nonroot" "$out/var/lib/heatgrid"
# The modules Quarkus, Jackson, Paho, InfluxDB's client and ND4J use (jdeps over the images' jars,
# plus the ones reached by reflection: jdk.crypto.ec for TLS, jdk.zipfs, jdk.management for metrics).
"$jdk/bin/jlink" --module-path "$jdk/jmods" --output "$out/opt/java" \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs,jdk.localedata \
  --include-locales en,ko --strip-debug --no-man-pages --no-header-files --compress=2
# Debian links the JDK's trust store to the system's; put the file itself in the image.
rm -f "$out/opt/java/lib/security/cacerts"
cp -L "$jdk/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

# The C libraries the runtime needs, and those ND4J's and OpenBLAS's natives (extracted from their
# jars at run time) load beyond what they bundle.
copy_lib() {
  local f; f=$(readlink -f "$1")
  mkdir -p "$out$(dirname "$1")"
  cp -n "$f" "$out$1" 2>/dev/null || true
}
# AWT's and sound's natives are left out: java.desktop is there for java.beans, and the services
# run headless (-Djava.awt.headless=true), so X11, fonts and ALSA are never loaded.
libs=$(find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) \
    ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so' ! -name 'libfontmanager.so' \
    ! -name 'libjsound.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libawt_headless.so' \
    -exec ldd {} \; 2>/dev/null \
  | awk '/=> \//{print $3} /^\s*\/lib/{print $1}' | sort -u)
for extra in libstdc++.so.6 libgcc_s.so.1 libgomp.so.1 libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
  # awk reads to the end: an early exit would kill ldconfig with SIGPIPE (141 under pipefail).
  p=$(ldconfig -p | awk -v n="$extra" '$1==n && /x86-64/ && !found {print $NF; found=1}')
  [[ -n $p ]] && libs+=$'\n'"$p"
done
for l in $libs; do
  [[ $l == "$out"/* ]] || copy_lib "$l" # the runtime's own libraries are in place already
done
copy_lib /lib64/ld-linux-x86-64.so.2

# nonroot in group 0, the OpenShift convention: directories the program writes are group 0 and
# group-writable, so any uid in group 0 (Kubernetes' runAsUser, OpenShift's random uid) can write.
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:0:nonroot:/home/nonroot:/sbin/nologin\n' >"$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$out/etc/group"
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"
echo "make-runtime: $(du -sh "$out" | cut -f1) in $out ($(echo "$libs" | wc -l) libraries)" >&2
