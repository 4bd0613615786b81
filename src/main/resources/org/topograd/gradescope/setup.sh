#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image: it installs what
# topograd needs, then checks that the package works there. topograd needs a JDK, not only a JRE:
# it compiles each submission. bubblewrap isolates student code where the container allows it;
# where it does not, topograd says so in its log (the instructors' "Autograder Output") and runs
# student code in a plain child JVM.
#
#   setup.sh --no-install      only the checks, which need no network (to try the package locally)
#   TOPOGRAD_AUTOGRADER_ROOT   the folder laid out like /autograder (default /autograder)
#   TOPOGRAD_JAVA              the java to check (default: java on the PATH)
set -euo pipefail
root="${TOPOGRAD_AUTOGRADER_ROOT:-/autograder}"
source="$root/source"
java="${TOPOGRAD_JAVA:-java}"

if [ "${1:-}" != "--no-install" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless bubblewrap
fi

fail() {
    echo "setup.sh: $*" >&2
    exit 1
}

# The zip carries the scripts' modes; an archive rebuilt by another tool may have lost them.
for script in "$source/setup.sh" "$source/run_autograder" "$root/run_autograder"; do
    if [ -e "$script" ] && [ ! -x "$script" ]; then
        fail "$script is not executable: upload the zip that topograd gradescope-package wrote, as it is"
    fi
done
[ -f "$source/topograd.jar" ] || fail "no $source/topograd.jar: upload the zip that topograd gradescope-package wrote"
[ -d "$source/specs" ] || fail "no $source/specs: upload the zip that topograd gradescope-package wrote"

command -v "$java" >/dev/null || fail "no $java on the PATH: install openjdk-17-jdk-headless"
modules="$("$java" --list-modules 2>&1)" || fail "$java does not run: $modules"
version="$(echo "$modules" | sed -n 's/^java\.base@\([0-9]*\).*/\1/p')"
[ "${version:-0}" -ge 17 ] || fail "$java is Java ${version:-of an unknown version}; topograd needs 17 or newer"
echo "$modules" | grep -q '^jdk\.compiler@' \
    || fail "$java is a JRE without the compiler; install a JDK (openjdk-17-jdk-headless)"
# The jar runs here and finds every spec valid (it was built from valid specs; this proves it reads them).
if ! validated="$("$java" -jar "$source/topograd.jar" validate "$source/specs" 2>&1)"; then
    echo "$validated" >&2
    fail "topograd validate $source/specs failed (above)"
fi
echo "setup.sh: topograd is ready: Java $version; $(echo "$validated" | tail -n 1)"
