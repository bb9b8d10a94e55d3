#!/usr/bin/env bash
# Runs the README's long-running commands the way a person would and checks that each comes up,
# so that no command in the README can rot unnoticed. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do
    if node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$1"; then return 0; fi
    sleep 1
  done
  echo "no answer from $1 after $2 s" >&2
  return 1
}

run_and_probe() { # name, url, command...
  local name=$1 url=$2; shift 2
  local log; log=$(mktemp)
  setsid "$@" >"$log" 2>&1 &
  local pid=$!
  if wait_for "$url" 60; then
    echo "ok: '$name' answered at $url"
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  else
    cat "$log" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
    exit 1
  fi
}

export PORT=${PORT:-3978}
export CONNECT_SIMULATOR_PORT=${CONNECT_SIMULATOR_PORT:-5055}
run_and_probe "npm start" "http://127.0.0.1:${PORT}/health" npm start
run_and_probe "npm run simulator" "http://127.0.0.1:${CONNECT_SIMULATOR_PORT}/simulator/state" npm run simulator
