import { connection } from "next/server";

/** Liveness: the process answers HTTP. No I/O — a database outage must not get instances restarted. */
export async function GET() {
  await connection();
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
