#!/bin/sh
# Recording fake of FRR's frrinit.sh for tests and the benchmark: remembers whether "FRR" runs.
# FAKE_HOST_DIR holds frr.running and calls.log (shared with the fake ip and vtysh).
host="${FAKE_HOST_DIR:-.}"
echo "frrinit.sh $*" >> "$host/calls.log"
case "$1" in
  # frrinit.start.hang: a start that does not return (as FRR 10's did through a pipe).
  start) touch "$host/frr.running"; if [ -f "$host/frrinit.start.hang" ]; then sleep 60; fi ;;
  stop) rm -f "$host/frr.running" ;;
  status) [ -f "$host/frr.running" ] || exit 3 ;;
  reload) [ -f "$host/frr.running" ] || { echo "fake frrinit.sh: FRR is not running" >&2; exit 1; } ;;
  *) echo "fake frrinit.sh: unsupported: $*" >&2; exit 1 ;;
esac
