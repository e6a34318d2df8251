#!/usr/bin/env bash
# `make fuzz`: builds each fuzz target with libFuzzer and AddressSanitizer and
# runs it for FUZZ_SECONDS (default 60) from the seed corpus in
# Tests/FuzzCorpus/TARGET. New inputs go to a working copy under .build-fuzz/,
# crashes to .build-fuzz/crashes/TARGET/. A crash fails the run: replay it with
# `swift run TARGET FILE`, fix it, and add the file to the seed corpus (the
# FuzzCorpusTests replay every seed in `make test`).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"FuzzFrontMatter FuzzDirectives FuzzPostScriptString FuzzRequestPath FuzzURLSetting"}
scratch=.build-fuzz
# The Swift crash backtracer can hang a crashed process here instead of
# letting libFuzzer report: turn it off.
export SWIFT_BACKTRACE=enable=no
failed=0
for target in $targets; do
  [ -d "Sources/$target" ] || { echo "$target: no such target, skipped"; continue; }
  if ! swift build --scratch-path "$scratch" --product "$target" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld >"$scratch-$target.log" 2>&1; then
    echo "$target: build failed"; tail -20 "$scratch-$target.log"; failed=1; continue
  fi
  corpus="$scratch/corpus/$target"
  crashes="$scratch/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  cp -n Tests/FuzzCorpus/"$target"/* "$corpus"/ 2>/dev/null || true
  "$scratch/debug/$target" "$corpus" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$crashes/" -max_len=65536 -timeout=10 -rss_limit_mb=4096 >"$scratch/$target.out" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$scratch/$target.out" | grep -o '[0-9]*$')
  if [ $status -eq 0 ]; then
    echo "$target: ${runs:-?} executions in ${seconds} s, no crash (corpus: $(ls "$corpus" | wc -l) inputs)"
  else
    echo "$target: CRASH after ${runs:-?} executions; see $crashes and $scratch/$target.out"
    grep -E 'ERROR|SUMMARY|Fatal error' "$scratch/$target.out" | head -5
    failed=1
  fi
done
exit $failed
