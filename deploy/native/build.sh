#!/usr/bin/env bash
# Builds native executables here, where no GraalVM can be downloaded, with ../shared/tools/graalvm-kit, and runs
# each module's *IT tests against its executable:
#
#   deploy/native/build.sh                       # all three services
#   deploy/native/build.sh api-service -DskipITs # one service, no tests
#
# Users with Docker build images with src/main/docker/Dockerfile.native instead (official Mandrel builder).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT=${GRAALVM_KIT:-$ROOT/../shared/tools/graalvm-kit}
CACHE=${GRAALVM_KIT_HOME:-$HOME/.cache/graalvm-kit/25.0.2}
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}

# The kit builds the JDK static libraries from the Debian source of exactly the boot JDK's version (25.0.3+9).
# Debian's trixie index has moved past that version, so `apt-get source` no longer finds it, but the pool still
# serves the original tarball: fetch it where the kit looks first.
seed_jdk_source() {
    local orig=openjdk-25_25.0.3+9.orig.tar.xz dir=$CACHE/.kit-work/jdksrc
    [ -s "$dir/$orig" ] && return
    mkdir -p "$dir"
    curl -fsS -m 600 -o "$dir/$orig.part" "${DEB_MIRROR:-http://deb.debian.org/debian}/pool/main/o/openjdk-25/$orig"
    mv "$dir/$orig.part" "$dir/$orig"
}

[ -x "$KIT/bootstrap-graalvm.sh" ] || { echo "graalvm-kit not found at $KIT (set GRAALVM_KIT)" >&2; exit 1; }
seed_jdk_source
GRAALVM_HOME=$(KIT_SKIP_SMOKE=${KIT_SKIP_SMOKE:-1} "$KIT/bootstrap-graalvm.sh" | tail -n 1)
export GRAALVM_HOME

modules=()
while [ $# -gt 0 ] && [[ $1 != -* ]]; do modules+=("$1"); shift; done
[ ${#modules[@]} -gt 0 ] || modules=(scheduler-service ml-service api-service)

cd "$ROOT"
for module in "${modules[@]}"; do
    # One at a time: a build peaks at ~9 GB and uses every core. The JVM tests (surefire) are skipped: they test
    # the same code in `./kmarket test`; failsafe's *IT tests run, against the native executable.
    ./mvnw -B -pl "$module" -am verify -Pnative -Dtest=NoJvmTests -Dsurefire.failIfNoSpecifiedTests=false "$@"
    ls -l "$module"/target/*-runner
done
