#!/usr/bin/env bash
# The image's runtime, checked where Docker cannot run: assembles the folder the Dockerfile's
# runtime stage has — the same COPY --from=build lines, read from the Dockerfile, applied to this
# checkout's build (`npm run build` first; nothing is built here) — then, from that folder with
# `node` alone and the environment compose.yaml gives (minus Docker's host names):
#   migrations with the bundled migrate command, a first admin with the bundled create-admin
#   command, the portal started by the Dockerfile's CMD, /api/health, /api/ready, a sign-in over
#   HTTP as the new admin and the admin console, the bundled worker, and a clean exit on SIGTERM.
# Postgres: a scratch database on CI_DATABASE_URL's server (default the machine's, dropped
# afterwards); S3: the local S3 (services/s3); Acuity: the emulator (services/acuity-emulator).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
server_url="${CI_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
say() { echo "smoke:standalone: $*"; }
die() { echo "smoke:standalone: $*" >&2; exit 1; }

for built in .next/standalone/server.js dist/portal-server.mjs; do
  [ -e "$built" ] || die "$built is missing: run \`npm run build\` first"
done

work="$(mktemp -d)"
app="$work/app" # the image's WORKDIR
mkdir -p "$app"
pids=()
database=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$database" ]; then psql "$server_url" -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- The runtime stage's folder, from the Dockerfile's own lines ---------------------------------
# The build stage makes public/ when the checkout has none; so does this.
[ -d public ] || { mkdir -p "$work/empty-public"; public_fallback="$work/empty-public"; }
in_runtime=0
copied=0
while IFS= read -r line; do
  case "$line" in
    FROM*" AS runtime"*) in_runtime=1; continue ;;
    FROM*) in_runtime=0; continue ;;
  esac
  [ "$in_runtime" = 1 ] || continue
  if [[ "$line" =~ ^COPY\ --from=build\ +/app/([^ ]+)\ +([^ ]+)$ ]]; then
    source="${BASH_REMATCH[1]}"
    target="$app/${BASH_REMATCH[2]#./}"
    from="$root/$source"
    [ "$source" = public ] && [ -n "${public_fallback:-}" ] && from="$public_fallback"
    [ -e "$from" ] || die "the Dockerfile copies /app/$source, which the build did not make"
    mkdir -p "$target"
    cp -a "$from/." "$target/"
    copied=$((copied + 1))
  elif [[ "$line" =~ ^COPY ]]; then
    die "cannot read this runtime COPY line (one source, one destination): $line"
  fi
done <Dockerfile
[ "$copied" -ge 5 ] || die "found only $copied COPY lines in the Dockerfile's runtime stage"
# .dockerignore keeps .env files out of the build, so out of the standalone output too.
rm -f "$app"/.env "$app"/.env.*
cmd_json="$(grep -E '^CMD \[' Dockerfile | tail -1 | sed 's/^CMD //')"
mapfile -t cmd < <(node -e 'for (const part of JSON.parse(process.argv[1])) console.log(part)' "$cmd_json")
say "assembled $(du -sh "$app" | cut -f1) from $copied COPY lines; CMD: ${cmd[*]}"

# --- Services: a scratch database, the local S3, the Acuity emulator ------------------------------
database="ime_smoke_standalone_$(date +%s)_$$"
psql "$server_url" -qc "CREATE DATABASE \"$database\"" >/dev/null
database_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$server_url" "$database")"
port="$(node scripts/free-port.mjs 3300)"
s3_port="$(node scripts/free-port.mjs 4320)"
acuity_port="$(node scripts/free-port.mjs 4310)"
acuity_key="smoke-$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')"

env -u DATABASE_URL S3_BUCKET=ime-documents S3_ACCESS_KEY_ID=smoke-key S3_SECRET_ACCESS_KEY=smoke-secret-key \
  S3_LOCAL_PORT="$s3_port" S3_LOCAL_DATA_DIR="$work/s3" S3_ALLOWED_ORIGINS="http://localhost:$port" \
  node --import tsx services/s3/cli.ts >"$work/s3.log" 2>&1 &
pids+=($!)
env -u DATABASE_URL ACUITY_USER_ID=10001 ACUITY_API_KEY="$acuity_key" ACUITY_EMULATOR_PORT="$acuity_port" \
  ACUITY_WEBHOOK_TARGETS="http://127.0.0.1:$port/api/webhooks/acuity" ACUITY_EMULATOR_STATE_FILE="$work/acuity.json" \
  node --import tsx services/acuity-emulator/cli.ts >"$work/acuity.log" 2>&1 &
pids+=($!)

# The image's environment (compose.yaml's, with this machine's addresses), and nothing else: no
# NODE_OPTIONS or tsx from this shell, no node_modules above the folder.
image_env=(
  env -i PATH="$PATH" HOME="$work" NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT="$port"
  DATABASE_URL="$database_url"
  BETTER_AUTH_SECRET="smoke-secret-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
  BETTER_AUTH_URL="http://localhost:$port" TRUSTED_PROXY_HOPS=0
  S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_REGION=us-east-1 S3_BUCKET=ime-documents
  S3_ACCESS_KEY_ID=smoke-key S3_SECRET_ACCESS_KEY=smoke-secret-key S3_FORCE_PATH_STYLE=true
  ACUITY_USER_ID=10001 ACUITY_API_KEY="$acuity_key" ACUITY_BASE_URL="http://127.0.0.1:$acuity_port/api/v1"
  LOG_LEVEL=info
)
above="$work"
while [ "$above" != / ]; do
  [ ! -e "$above/node_modules" ] || die "$above/node_modules would hide packages missing from the image"
  above="$(dirname "$above")"
done
[ ! -e /node_modules ] || die "/node_modules would hide packages missing from the image"

wait_for_line() { # text, log, what
  for _ in $(seq 1 60); do grep -q "$1" "$2" && return 0; sleep 1; done
  cat "$2" >&2
  die "$3 did not start"
}
wait_for_line "listening" "$work/s3.log" "the local S3"
wait_for_line "ACUITY_BASE_URL" "$work/acuity.log" "the Acuity emulator"

# --- Commands, as `docker compose run --rm portal node commands/….mjs` runs them ----------------
(cd "$app" && "${image_env[@]}" node commands/migrate.mjs) || die "bundled migrate failed"
(cd "$app" && "${image_env[@]}" node commands/migrate.mjs >/dev/null) || die "bundled migrate is not idempotent"
admin_email="first-admin@smoke.test"
admin_password="smoke-$(node -e 'console.log(require("crypto").randomBytes(9).toString("hex"))')"
printf '%s\n' "$admin_password" | (cd "$app" && "${image_env[@]}" node commands/create-admin.mjs \
  --name "Smoke Admin" --email "$admin_email" --password-stdin) || die "bundled create-admin failed"

# --- The image's CMD -------------------------------------------------------------------------------
(cd "$app" && exec "${image_env[@]}" BACKGROUND_JOBS=off "${cmd[@]}") >"$work/portal.log" 2>&1 &
portal_pid=$!
pids+=("$portal_pid")
for _ in $(seq 1 90); do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/api/health"; then break; fi
  kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; die "the portal exited early"; }
  sleep 1
done
check_status() { # what, expected, curl args…
  local what="$1" expected="$2"
  shift 2
  local status
  status="$(curl -s -o "$work/body" -w '%{http_code}' "$@")"
  if [ "$status" != "$expected" ]; then
    cat "$work/portal.log" >&2
    echo "--- body:" >&2
    head -c 2000 "$work/body" >&2
    die "$what answered $status, expected $expected"
  fi
}
check_status "/api/health" 200 "http://127.0.0.1:$port/api/health"
if [ -e app/api/ready/route.ts ]; then check_status "/api/ready" 200 "http://127.0.0.1:$port/api/ready"; fi
cookies="$work/cookies"
check_status "sign-in as the new admin" 200 -c "$cookies" -X POST "http://localhost:$port/api/auth/sign-in/email" \
  -H 'content-type: application/json' -H "origin: http://localhost:$port" \
  -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}"
# A new admin has no second factor yet: every page sends them to enrolment first (issue 17).
redirect="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$cookies" "http://localhost:$port/admin/users")"
case "$redirect" in
  30[37]\ */two-factor/setup) ;;
  *) cat "$work/portal.log" >&2; die "the users page, signed in without two-factor, answered '$redirect', expected a redirect to /two-factor/setup" ;;
esac
check_status "the enrolment page" 200 -b "$cookies" "http://localhost:$port/two-factor/setup"
grep -q "Set up two-factor sign-in" "$work/body" || die "the enrolment page does not offer the set-up"
grep -q "$admin_email" "$work/body" || die "the enrolment page does not name $admin_email"
check_status "a page's static asset" 200 "http://localhost:$port$(grep -o '/_next/static/[^"]*\.js' "$work/body" | head -1)"
if grep -q "$admin_password" "$work/portal.log"; then die "the password appears in the portal's output"; fi

# --- The worker, as compose's worker service runs it ------------------------------------------------
(cd "$app" && exec "${image_env[@]}" node commands/worker.mjs) >"$work/worker.log" 2>&1 &
worker_pid=$!
pids+=("$worker_pid")
wait_for_line "running" "$work/worker.log" "the bundled worker"

# --- SIGTERM, as `docker stop` sends it: both exit 0 -------------------------------------------------
for name in portal worker; do
  pid_var="${name}_pid"
  pid="${!pid_var}"
  kill -TERM "$pid"
  status=0
  wait "$pid" || status=$?
  [ "$status" = 0 ] || { cat "$work/$name.log" >&2; die "the $name exited $status on SIGTERM"; }
done
say "the image's folder migrates, makes the first admin, serves (health, ready, sign-in) and stops cleanly on SIGTERM"
