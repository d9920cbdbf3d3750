#!/usr/bin/env bash
# Runs every test of ManageBooking: unit, integration (SQLite and PostgreSQL) and browser tests.
# On a fresh Debian machine it installs what the tests need first; it never skips a suite whose prerequisite is missing.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Prerequisites from Debian's packages.
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
/usr/bin/python3 -c "import aiosmtpd" 2> /dev/null || missing+=(python3-aiosmtpd)
/usr/bin/python3 -c "import icalendar" 2> /dev/null || missing+=(python3-icalendar)
command -v chromium > /dev/null || missing+=(chromium)
command -v java > /dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

# axe-core for the accessibility checks of the browser tests, pinned by the lock file.
if ! command -v npm > /dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm > /dev/null
fi
(cd tests/ManageBooking.BrowserTests && npm ci --no-audit --no-fund --loglevel=error)
# The contract tests' independent checkers: swagger-parser, openapi-typescript with openapi-fetch, standardwebhooks and
# the Nu HTML Checker (vnu-jar, run on Java), pinned by the lock file.
(cd tests/ManageBooking.Tests/Node && npm ci --no-audit --no-fund --loglevel=error)
# Mozilla's HTTP Observatory for the security-header grade. Its install scripts download lists from the internet (HSTS
# preload, top-level domains) that this test needs nothing of, so they are skipped; grade.mjs explains the rest.
(cd tests/observatory && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# 2. A throwaway PostgreSQL server on a free loopback port, stopped when this script ends.
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/managebooking-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run_pg() {
  # PostgreSQL refuses to run as root; as root it runs as the postgres user Debian's package created.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
cleanup() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres > /dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start > /dev/null
export MANAGEBOOKING_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=50"

# 3. Every test project of the solution, with results written as TRX for the closing count.
results=$(mktemp -d /tmp/managebooking-results.XXXXXX)
status=0
dotnet test src.sln --logger "trx" --results-directory "$results" "$@" || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
# A project that does not build writes no results: the counts above then miss it, and the exit code says so.
[ "$status" -eq 0 ] || echo "dotnet test exited with $status: a test failed or a project did not build (see above)."
exit $status
