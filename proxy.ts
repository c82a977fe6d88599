import { NextResponse, type NextRequest } from "next/server";
import { RETURN_PATH_HEADER } from "@/lib/auth/return-path";

/**
 * Tells pages which path was asked for (server components cannot read it), so a signed-out
 * visitor is sent to sign-in with the way back (lib/auth/return-path.ts). It changes nothing
 * else: no redirects, no session reads — requireActor decides who may see a page.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  // A client-side navigation carries Next's own cache-busting parameter; not part of the page's address.
  url.searchParams.delete("_rsc");
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, `${url.pathname}${url.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's assets or the favicon.
  matcher: ["/((?!api/|_next/|favicon\\.ico).*)"],
};
