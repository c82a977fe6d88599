import { checkReadiness } from "@/lib/health/readiness";
import { httpStatusOf } from "@/lib/http/error-status";

/** Readiness (lib/health/readiness.ts): 200 when every dependency answers, else 503 naming the failing ones. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    // A dependency not answering is upstream_unavailable, whose status lib/http/error-status.ts keeps.
    status: readiness.status === "ok" ? 200 : httpStatusOf("upstream_unavailable"),
    headers: { "cache-control": "no-store" },
  });
}
