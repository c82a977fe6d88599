/** Liveness: the process answers HTTP. No I/O — a database outage must not get instances restarted. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
