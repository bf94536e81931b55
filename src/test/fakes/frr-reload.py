#!/bin/sh
# Recording fake of FRR's frr-reload.py for tests and the benchmark.
echo "frr-reload.py $*" >> "${FAKE_HOST_DIR:-.}/calls.log"
