#!/bin/sh
# Recording fake of FRR's frr-reload.py for tests and the benchmark.
# `--test` against the running config (no --input) prints $FAKE_HOST_DIR/running.diff when a test
# put one there (FRR running something else than frr.conf); `--reload` clears it, unless
# running.diff.sticky says the difference survives a reload.
host="${FAKE_HOST_DIR:-.}"
echo "frr-reload.py $*" >> "$host/calls.log"
case " $* " in
  *" --input "*) ;;
  *" --test "*) [ -f "$host/running.diff" ] && cat "$host/running.diff" ;;
  *" --reload "*) [ -f "$host/running.diff.sticky" ] || rm -f "$host/running.diff" ;;
esac
exit 0
