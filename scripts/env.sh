# Sourced by ./vigil and ./run-tests: finds a JDK >= 21 and sets JAVA_HOME, JAVA, VIGIL_ROOT.
# shellcheck shell=bash

VIGIL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export VIGIL_ROOT

# Prints the major version of the java binary given, or nothing. The JDK's release file says it without
# starting a JVM (each start costs about 0.1 s, and every ./vigil command probes the JDKs); it is read with
# bash alone, as forks are most of what this script costs a command.
java_major() {
  local release="${1%/bin/java}/release" line
  if [ -r "$release" ]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"(1\.)?([0-9]+) ]]; then
        echo "${BASH_REMATCH[2]}"
        return
      fi
    done < "$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

# JAVA_HOME if it is new enough, else the newest JDK >= 21 under /usr/lib/jvm, else java on PATH.
find_jdk() {
  local candidate major best="" best_major=0 on_path
  on_path="$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")"
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* "${on_path%/bin/java}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate/bin/java")"
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$candidate"; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ -z "$best" ]; then
    echo "vigil: needs a JDK 21 or newer; none found in JAVA_HOME, /usr/lib/jvm or on PATH." >&2
    echo "       Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21) and try again." >&2
    exit 2
  fi
  export JAVA_HOME="$best"
  JAVA="$best/bin/java"
}

# Maven through the wrapper (downloads Maven 3.9 from Maven Central on first use).
mvn_quiet() {
  # JDK 24+ warns about Maven's use of sun.misc.Unsafe; the option that silences it exists only there.
  if [ "$(java_major "$JAVA")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  "$VIGIL_ROOT/mvnw" -f "$VIGIL_ROOT/pom.xml" "$@"
}

find_jdk
