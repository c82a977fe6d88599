import { NextResponse, type NextRequest } from "next/server";
import { RETURN_PATH_HEADER } from "@/lib/auth/return-path";
import { NONCE_HEADER, newNonce, pagePolicyFor } from "@/lib/http/security-headers";

/**
 * Two things pages need before they render. Which path was asked for (server components cannot
 * read it), so a signed-out visitor is sent to sign-in with the way back (lib/auth/return-path.ts).
 * And the page's Content-Security-Policy with a fresh nonce: set on the request, Next reads the
 * nonce from it and puts it on every script it writes; set on the response, the browser enforces
 * it (replacing the closed policy the portal's listener gave every response). Nonces need pages
 * rendered per request: the root layout awaits connection(). No redirects, no session reads here
 * — requireActor decides who may see a page.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  // A client-side navigation carries Next's own cache-busting parameter; not part of the page's address.
  url.searchParams.delete("_rsc");
  const nonce = newNonce();
  const policy = pagePolicyFor(nonce);
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, `${url.pathname}${url.search}`);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API, Next's assets or the favicon.
  matcher: ["/((?!api/|_next/|favicon\\.ico).*)"],
};
