#!/usr/bin/env bash
# Fuzzes the document readers and the engine behind them.
#   tests/Repatriation.Fuzz/run.sh [SECONDS] [FORMATS]      e.g. run.sh 3600 "docx html md txt"
# With AFL++ (Debian's afl++) and the SharpFuzz tool it instruments Repatriation.Core.dll and runs afl-fuzz on each
# format for an equal share of SECONDS (default 60); without them it says so and runs the in-process smoke fuzzer
# instead, so CI never fails for lack of a fuzzer, only for a finding. Findings land in tests/Repatriation.Fuzz/findings.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
formats=${2:-"docx txt"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish Repatriation.Fuzz.csproj -c Release -o "$work/bin" -v q -nologo >/dev/null || { echo "fuzz: build failed"; exit 1; }
dotnet "$work/bin/Repatriation.Fuzz.dll" seed "$work/seeds"

if ! command -v afl-fuzz >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null 2>&1) \
    || (apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null 2>&1) || true
fi
tools="$PWD/.tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null 2>&1 || true
fi

if ! command -v afl-fuzz >/dev/null 2>&1 || [ ! -x "$tools/sharpfuzz" ]; then
  echo "fuzz: afl-fuzz or the sharpfuzz tool is not available here (infrastructure, not a finding); running the in-process smoke fuzzer for ${seconds} s instead"
  dotnet "$work/bin/Repatriation.Fuzz.dll" smoke "$seconds" "$PWD/findings"
  exit $?
fi

"$tools/sharpfuzz" "$work/bin/Repatriation.Core.dll" >/dev/null || { echo "fuzz: instrumenting Repatriation.Core.dll failed"; exit 1; }
set -- $formats
share=$(( seconds / $# )); [ "$share" -lt 5 ] && share=5
found=0
for format in "$@"; do
  out="$PWD/findings/$format"
  rm -rf "$out"; mkdir -p "$PWD/findings"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
    timeout $((share + 60)) afl-fuzz -V "$share" -t 10000 -m none -i "$work/seeds/$format" -o "$out" \
    -- dotnet "$work/bin/Repatriation.Fuzz.dll" afl "$format" >"$work/afl-$format.log" 2>&1
  stats="$out/default/fuzzer_stats"
  execs=$(sed -n 's/^execs_done *: *//p' "$stats" 2>/dev/null); paths=$(sed -n 's/^corpus_count *: *//p' "$stats" 2>/dev/null)
  crashes=$(find "$out/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l)
  # A hang on a loaded machine may be the machine; it is reported, not counted as a finding.
  hangs=$(find "$out/default/hangs" -type f 2>/dev/null | wc -l)
  if [ -z "$execs" ]; then
    echo "fuzz: afl-fuzz did not run on $format (infrastructure, not a finding):"; tail -n 5 "$work/afl-$format.log"
    continue
  fi
  echo "fuzz: $format: ${execs} executions in ${share} s, ${paths} paths, ${crashes} crashes, ${hangs} hangs over 10 s"
  found=$((found + crashes))
done
if [ "$found" -gt 0 ]; then
  echo "fuzz: $found finding(s) in tests/Repatriation.Fuzz/findings; replay one with: dotnet <bin>/Repatriation.Fuzz.dll afl FORMAT < FILE"
  exit 1
fi
