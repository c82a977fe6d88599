import { checkReadiness } from "@/lib/health/readiness";

/** Readiness (lib/health/readiness.ts): 200 when every dependency answers, else 503 naming the failing ones. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
