#!/usr/bin/env bash
# Load benchmark of the customer pages against a plain ASP.NET Core hello-world measured in the same run.
#
#   tests/load/run.sh [--rounds N] [--duration 10s] [--connections 32] [--db sqlite|postgres|both] [--site DIR]
#
# --site runs a site published beforehand (dotnet publish ManageBooking.Web -c Release -o DIR) instead of publishing one.
# Publishes the site and tests/load/Hello in Release, then for each database: migrates and seeds the demo data, adds a
# load-test page (open around the clock in UTC, 5-minute sessions), books once through the API for a manage link, and
# runs wrk with 2 threads against each target in turn, hello-world first, round after round. The booking POSTs come last
# (each books a different start), then the reschedule POSTs (bookings made beforehand, each request moving one of them to a
# start no other asks for), followed by a SQL check that no two scheduled sessions of one calendar overlap.
# Prints the median of the rounds. Not part of ./test.sh: it takes minutes and measures the machine as much as the code.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

rounds=3 duration=10s connections=32 databases=both site=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --db) databases=$2; shift 2 ;;
    --site) site=$(cd "$2" && pwd); shift 2 ;;
    *) echo "Unknown argument $1" >&2; exit 2 ;;
  esac
done
threads=2

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk > /dev/null || missing+=(wrk)
command -v sqlite3 > /dev/null || missing+=(sqlite3)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

work=$(mktemp -d /tmp/managebooking-load.XXXXXX)
pids=()
pg_dir=""
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  [ -n "$pg_dir" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$work" "$pg_dir"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "Publishing the site and the hello-world in Release..."
dotnet publish "$repo/tests/load/Hello" -c Release -o "$work/hello" --nologo -v quiet > "$work/publish-hello.log" || { cat "$work/publish-hello.log"; exit 1; }
if [ -n "$site" ]; then
  cp -r "$site" "$work/site" && rm -rf "$work/site/App_Data"
else
  dotnet publish "$repo/ManageBooking.Web" -c Release -o "$work/site" --nologo -v quiet > "$work/publish-site.log" || { cat "$work/publish-site.log"; exit 1; }
fi

wait_ready() {
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "Nothing answered at $1" >&2
  exit 1
}

hello_port=$(free_port)
(cd "$work/hello" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Hello.dll --urls "http://127.0.0.1:$hello_port") &
hello_pid=$!
pids+=($hello_pid)
wait_ready "http://127.0.0.1:$hello_port/plaintext"

results="$work/results.txt"
: > "$results"

# Runs wrk once; appends "<db> <target> <round> rps=... ok_rps=... p50=... p99=... ok=... bad=... errors=..." to results.
# Also records the server's CPU time per request (user + system, from /proc), which other work on the machine barely
# moves, unlike req/s.
measure() {
  local db=$1 target=$2 round=$3 pid=$4 url=$5 script=${6:-report.lua}
  local line before after requests
  before=$(cpu_ticks "$pid")
  line=$(LOAD_DIR="$repo/tests/load" LOAD_THREADS=$threads wrk -t$threads -c"$connections" -d"$duration" \
    -s "$repo/tests/load/$script" "$url" | grep '^RESULT') || { echo "wrk failed on $url" >&2; exit 1; }
  after=$(cpu_ticks "$pid")
  requests=$(sed -E 's/.* ok=([0-9]+) bad=([0-9]+).*/\1 + \2/' <<< "$line")
  line="${line#RESULT } cpu_ms=$(python3 -c "print(round(($after - $before) * 1000 / $(getconf CLK_TCK) / max(1, $requests), 3))")"
  echo "$db $target $round $line" >> "$results"
  printf '  %-8s %-14s round %s: %s\n' "$db" "$target" "$round" "$line"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

sql() {
  local db=$1 query=$2
  if [ "$db" = sqlite ]; then sqlite3 "$work/site.db" "$query"; else "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d load -Atq -c "$query"; fi
}

start_postgres() {
  # As in test.sh: a folder of its own, which PostgreSQL (run as the postgres user when this runs as root) can enter.
  pg_dir=$(mktemp -d /tmp/managebooking-load-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  pg_port=$(free_port)
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres > /dev/null
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start > /dev/null
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE load" > /dev/null
}

run_database() {
  local db=$1 port connection provider link_key
  link_key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
  port=$(free_port)
  if [ "$db" = sqlite ]; then
    provider=Sqlite connection="Data Source=$work/site.db;Default Timeout=30"
  else
    start_postgres
    provider=Postgres connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=load;Maximum Pool Size=64"
  fi
  # The benchmark's own environment: logging at Warning as a production site would run, and the manage-link rate limit
  # (60 a minute per address by default) raised, since every request of wrk comes from one address. Nothing else changes.
  local -a env=(
    ASPNETCORE_ENVIRONMENT=Production
    Logging__LogLevel__Default=Warning
    ManageBooking__Database__Provider=$provider
    "ConnectionStrings__ManageBooking=$connection"
    ManageBooking__BaseUrl=http://127.0.0.1:$port/
    ManageBooking__SeedDemoData=true
    ManageBooking__Email__PickupDirectory=$work/mail-$db
    ManageBooking__RateLimit__ManageLinkRequestsPerMinute=2000000000
    "ManageBooking__LinkKeys__0=$link_key"
  )
  (cd "$work/site" && env "${env[@]}" dotnet ManageBooking.Web.dll --migrate-only > "$work/migrate-$db.log" 2>&1) \
    || { cat "$work/migrate-$db.log"; exit 1; }

  # The load-test page: its own calendar, open every day 00:00-23:59 UTC, 5-minute sessions every 5 minutes, a year ahead.
  local calendar=8C1D7F5E-0B6A-4E53-9A51-5A3B2C7D0001 page=8C1D7F5E-0B6A-4E53-9A51-5A3B2C7D0002 hours="" day
  for day in 0 1 2 3 4 5 6; do hours+="${hours:+,}{\"day\":$day,\"start\":\"00:00:00\",\"end\":\"23:59:00\"}"; done
  sql "$db" "INSERT INTO \"Calendars\" (\"Id\", \"Name\", \"Seats\", \"WriteCount\") VALUES ('$calendar', 'Load test', 1, 0)"
  local columns='"Description", "IsPublished", "OwnerName", "OwnerEmail", "StakeholderEmails", "DateOverrides", "BufferBefore", "BufferAfter", "MinimumNotice", "SessionsPerBooking", "ApprovalMode", "CreatedUtc", "UpdatedUtc", "Version", "Manage_Enabled", "Manage_CancelCutoff", "Manage_RescheduleCutoff", "Manage_CancelReason", "Manage_RescheduleReason", "Manage_MaxReschedules", "Manage_PolicyText", "Questions", "Location", "Manage_ContactText"'
  sql "$db" "INSERT INTO \"BookingPages\" (\"Id\", \"Slug\", \"Title\", \"CalendarId\", \"TimeZoneId\", \"SessionLength\", \"SlotInterval\", \"BookingHorizon\", \"WeeklyHours\", $columns)
    SELECT '$page', 'load-test', 'Load test', '$calendar', 'Etc/UTC', '00:05:00', '00:05:00', '400.00:00:00', '[$hours]', $columns
    FROM \"BookingPages\" WHERE \"Slug\" = '30-minute-meeting'"

  (cd "$work/site" && exec env "${env[@]}" dotnet ManageBooking.Web.dll --urls "http://127.0.0.1:$port" > "$work/site-$db.log" 2>&1) &
  local site_pid=$!
  pids+=($site_pid)
  local base="http://127.0.0.1:$port"
  wait_ready "$base/book/30-minute-meeting"

  # A manage link, the way a customer gets one: book the demo meeting through the API.
  local start manage_url token
  start=$(curl -fs "$base/api/booking-pages/30-minute-meeting/slots?timeZone=Etc/UTC&from=$(date -u -d '+7 days' +%F)&to=$(date -u -d '+20 days' +%F)" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["slots"][0]["start"])')
  manage_url=$(curl -fs -X POST "$base/api/booking-pages/30-minute-meeting/bookings" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Load Tester\",\"email\":\"load@example.com\",\"timeZone\":\"Europe/Paris\",\"starts\":[\"$start\"]}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["manageUrl"])')
  token=${manage_url##*/}

  local from to
  from=$(date -u +%F) to=$(date -u -d '+30 days' +%F)
  local -A urls=(
    [manage-page]="$base/booking/manage/$token"
    [booking-page]="$base/book/30-minute-meeting"
    [manage-api]="$base/api/manage/$token"
    [slots-api-31d]="$base/api/booking-pages/30-minute-meeting/slots?from=$from&to=$to"
  )
  local targets=(manage-page booking-page manage-api slots-api-31d)

  # Long enough for tiered compilation to finish: after 3 seconds the JIT still took about 14% of the site's CPU in a
  # profile of the manage API, which a server that has been up for a minute no longer pays.
  echo "Warming up ($db)..."
  for target in "${targets[@]}"; do wrk -t$threads -c"$connections" -d10s "${urls[$target]}" > /dev/null; done
  wrk -t$threads -c"$connections" -d3s "http://127.0.0.1:$hello_port/plaintext" > /dev/null

  for round in $(seq 1 "$rounds"); do
    measure "$db" hello-world "$round" "$hello_pid" "http://127.0.0.1:$hello_port/plaintext"
    for target in "${targets[@]}"; do measure "$db" "$target" "$round" "$site_pid" "${urls[$target]}"; done
  done

  # Booking POSTs: thread t books the t-th, (t+2)-th... free start from tomorrow 00:00 UTC, so no two ask for one start.
  local first
  first=$(date -u -d 'tomorrow 00:00' +%s)
  for round in $(seq 1 "$rounds"); do
    LOAD_FIRST_START=$((first + (round - 1) * 40 * 86400)) \
      measure "$db" booking-post "$round" "$site_pid" "$base/api/booking-pages/load-test/bookings" book.lua
  done
  # Reschedule POSTs: 1,000 bookings made one after another through the API, after the days the booking rounds took;
  # each request then moves one of them (round after round) to a start of its own, on days no other round uses.
  local movers=$((rounds * 40 + 5)) tokens="$work/tokens-$db.txt"
  python3 "$repo/tests/load/bookings.py" "$base" load-test $((first + movers * 86400)) 1000 > "$tokens"
  for round in $(seq 1 "$rounds"); do
    LOAD_TOKENS=$tokens LOAD_FIRST_START=$((first + (movers + 10 + (round - 1) * 25) * 86400)) \
      measure "$db" reschedule-post "$round" "$site_pid" "$base" reschedule.lua
  done

  # No two scheduled sessions of one calendar overlap: each session against the latest end of those starting before it.
  local overlaps
  overlaps=$(sql "$db" "SELECT count(*) FROM (SELECT \"StartUtc\", max(\"EndUtc\") OVER (PARTITION BY \"CalendarId\" ORDER BY \"StartUtc\", \"Id\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end FROM \"BookingSessions\" WHERE \"Status\" = 'Scheduled') AS s WHERE previous_end > \"StartUtc\"")
  local booked
  booked=$(sql "$db" "SELECT count(*) FROM \"BookingSessions\" WHERE \"Status\" = 'Scheduled'")
  echo "$db overlaps 0 count=$overlaps booked=$booked" >> "$results"
  echo "  $db: $booked scheduled sessions, $overlaps overlapping"

  kill "$site_pid"
  wait "$site_pid" 2> /dev/null || true
}

case "$databases" in
  both) run_database sqlite; run_database postgres ;;
  sqlite|postgres) run_database "$databases" ;;
  *) echo "--db is sqlite, postgres or both" >&2; exit 2 ;;
esac

python3 "$repo/tests/load/summarize.py" "$results" "$connections" "$duration" "$rounds"
