#!/usr/bin/env bash
# Starts the portal on its embedded defaults (no DATABASE_URL) and checks that a demo user
# can sign in over HTTP and then sees their bookings. Used by CI after the test suite.
set -euo pipefail
# 3200 unless it is busy (then any free port); SMOKE_PORT chooses one.
port="${SMOKE_PORT:-$(node scripts/free-port.mjs 3200)}"
log="$(mktemp)"
cookies="$(mktemp)"
if curl -s -o /dev/null "http://localhost:$port/"; then
  echo "smoke: port $port is already in use; stop that server or set SMOKE_PORT" >&2
  exit 1
fi
# Its own process group, so cleanup stops the launcher, Next.js and the embedded services together.
setsid env -u DATABASE_URL PORT="$port" \
  S3_LOCAL_PORT="$(node scripts/free-port.mjs 4020)" ACUITY_EMULATOR_PORT="$(node scripts/free-port.mjs 4010)" \
  SMTP_LOCAL_PORT="$(node scripts/free-port.mjs 2525)" node --import tsx scripts/portal.ts start >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$cookies" "$log"
}
trap cleanup EXIT

for _ in $(seq 1 90); do
  if curl -sf -o /dev/null "http://localhost:$port/sign-in"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "smoke: the portal exited early" >&2; exit 1; fi
  sleep 2
done

status=$(curl -s -o /dev/null -w '%{http_code}' -c "$cookies" -X POST "http://localhost:$port/api/auth/sign-in/email" \
  -H 'content-type: application/json' -H "origin: http://localhost:$port" \
  -d '{"email":"owner@northwind.test","password":"demo-password"}')
if [ "$status" != "200" ]; then cat "$log"; echo "smoke: sign-in answered $status" >&2; exit 1; fi
# Saved to a file, not piped: with pipefail, `curl | grep -q` fails whenever grep stops reading
# at an early match and curl dies of SIGPIPE while the page is still streaming.
page="$(mktemp)"
status=$(curl -s -o "$page" -w '%{http_code}' -b "$cookies" "http://localhost:$port/bookings")
if [ "$status" != "200" ] || ! grep -q 'Northwind Insurance' "$page"; then
  cat "$log"; echo "smoke: signed in, but the bookings page (HTTP $status) did not show Northwind's bookings" >&2
  rm -f "$page"; exit 1
fi
rm -f "$page"

# The demo admin signs in with the second factor: the seed enrolled them with the demo key,
# encrypted with the launcher's secret, and `npm run demo:totp` prints the code.
admin_cookies="$(mktemp)"
body="$(curl -s -c "$admin_cookies" -X POST "http://localhost:$port/api/auth/sign-in/email" \
  -H 'content-type: application/json' -H "origin: http://localhost:$port" \
  -d '{"email":"admin@ime.test","password":"demo-password"}')"
case "$body" in *'"twoFactorRedirect":true'*) ;; *) cat "$log"; echo "smoke: the demo admin was not asked for a code: $body" >&2; exit 1 ;; esac
code="$(npm run -s demo:totp -- admin@ime.test 2>/dev/null)"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$admin_cookies" -c "$admin_cookies" -X POST \
  "http://localhost:$port/api/auth/two-factor/verify-totp" \
  -H 'content-type: application/json' -H "origin: http://localhost:$port" -d "{\"code\":\"$code\"}")
if [ "$status" != "200" ]; then cat "$log"; echo "smoke: the demo admin's code answered $status" >&2; exit 1; fi
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$admin_cookies" "http://localhost:$port/admin/users")
rm -f "$admin_cookies"
if [ "$status" != "200" ]; then cat "$log"; echo "smoke: the demo admin, signed in with a code, got $status from /admin/users" >&2; exit 1; fi
echo "smoke: embedded default serves the portal, sign-in works, and the demo admin signs in with a code"
