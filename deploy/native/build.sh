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
# Not deploy/lib/kmarket.sh's find_java (any JDK 25): the kit needs this exact build, Temurin 25.0.3+9 with JVMCI,
# whose Debian source it compiles (JDK_ORIG below).
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}

# The kit builds the JDK static libraries from the Debian source of exactly the boot JDK's version (25.0.3+9). It is
# fetched through this machine's configured apt archives, never a mirror written here: a private deb-src list (the
# same archive URIs, suite $JDK_SUITE, which carries openjdk-25) lets apt name the source package's pool directory
# (`apt-get source --print-uris`); the index may have moved past 25.0.3, but that directory still serves the original
# tarball, which is put where the kit looks first.
JDK_SUITE=${JDK_SUITE:-trixie}
JDK_ORIG=openjdk-25_25.0.3+9.orig.tar.xz

# The archive URIs of the configured apt sources (deb822 *.sources and one-line *.list), security archives excepted.
apt_archive_uris() {
    {
        grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | sed 's/^URIs:[[:space:]]*//' | tr ' ' '\n'
        grep -hsE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
            | sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' | awk '{print $1}'
    } | grep -v -e '-security' -e '^$' | sort -u
}

# Prints the URL of $JDK_ORIG in each configured archive's openjdk-25 pool directory, as apt reports it.
jdk_source_urls() {
    local apt_dir uri
    apt_dir=$(mktemp -d)
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    for uri in $(apt_archive_uris); do echo "deb-src $uri $JDK_SUITE main"; done > "$apt_dir/sources.list"
    local opts=(-o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache" -o Debug::NoLocking=1)
    # As root apt fetches unsandboxed into the private directory (its _apt user cannot write there): harmless.
    apt-get "${opts[@]}" -o APT::Sandbox::User=root -qq update >&2 || true
    apt-get "${opts[@]}" -qq source --print-uris openjdk-25 2>/dev/null \
        | sed -nE "s|^'([^']*/)openjdk-25_[^']*\.dsc'.*|\1$JDK_ORIG|p"
    rm -rf "$apt_dir"
}

seed_jdk_source() {
    local dir=$CACHE/.kit-work/jdksrc url
    [ -s "$dir/$JDK_ORIG" ] && return
    mkdir -p "$dir"
    for url in $(jdk_source_urls); do
        curl -fsS -m 600 -o "$dir/$JDK_ORIG.part" "$url" && mv "$dir/$JDK_ORIG.part" "$dir/$JDK_ORIG" && return
    done
    echo "no configured apt archive serves $JDK_ORIG (suite $JDK_SUITE, see apt_archive_uris)" >&2
    exit 1
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
