# Finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
# Sourced (POSIX sh) by mvnw, meerkat, meerkatctl and .ci/run, because the default `java` on many
# machines is older than the release we compile for. Order: JAVA_HOME, `java` on PATH, then the
# system JVM directory (newest first). Stops with a clear message when none qualifies.
# The launchers of the packaged server (bin/meerkat, bin/meerkatctl of the tarball) set
# MEERKAT_RUNTIME_ONLY=1 first: they only run Java, so a JRE 21+ (no javac) is enough.

meerkat_jdk_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing.
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

meerkat_jdk_ok() {
  [ -x "$1/bin/java" ] || return 1
  [ "${MEERKAT_RUNTIME_ONLY:-}" = 1 ] || [ -x "$1/bin/javac" ] || return 1
  major=$(meerkat_jdk_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

meerkat_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && meerkat_jdk_ok "$JAVA_HOME"; then
    return 0
  fi
  meerkat_tool=javac
  [ "${MEERKAT_RUNTIME_ONLY:-}" = 1 ] && meerkat_tool=java
  if command -v "$meerkat_tool" >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v "$meerkat_tool")")")")
    if meerkat_jdk_ok "$candidate"; then
      JAVA_HOME=$candidate
      return 0
    fi
  fi
  best=""
  best_major=0
  # The caller may run with globbing off (mvnw uses `set -f`); the scan below needs it.
  case $- in *f*) meerkat_noglob=1; set +f ;; *) meerkat_noglob=0 ;; esac
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -d "$candidate" ] || continue
    if meerkat_jdk_ok "$candidate"; then
      major=$(meerkat_jdk_major "$candidate")
      if [ "$major" -gt "$best_major" ]; then
        best=$candidate
        best_major=$major
      fi
    fi
  done
  [ "$meerkat_noglob" = 1 ] && set -f
  if [ -n "$best" ]; then
    JAVA_HOME=$best
    return 0
  fi
  echo "Meerkat needs a JDK 21 or newer, and none was found." >&2
  echo "Looked at JAVA_HOME (${JAVA_HOME:-unset}), the $meerkat_tool on PATH and /usr/lib/jvm." >&2
  echo "Install one (for example Temurin 21 or 25) or set JAVA_HOME to it." >&2
  return 1
}

meerkat_find_jdk || exit 1
export JAVA_HOME
PATH="$JAVA_HOME/bin:$PATH"
export PATH
