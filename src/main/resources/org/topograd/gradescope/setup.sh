#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image.
# topograd needs a JDK, not only a JRE: it compiles each submission. bubblewrap isolates student
# code where the container allows it; where it does not, topograd says so in its log (the
# instructors' "Autograder Output") and runs student code in a plain child JVM.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless bubblewrap
# run_autograder must be executable, and a zip does not always say so.
root="${TOPOGRAD_AUTOGRADER_ROOT:-/autograder}"
chmod +x "$root/source/run_autograder"
if [ -f "$root/run_autograder" ]; then
    chmod +x "$root/run_autograder"
fi
java -version
