import type { IncomingMessage, ServerResponse } from "node:http";
import { ACUITY_WEBHOOK_PATH } from "@/lib/acuity-sync/receive-webhook";
import { handleAcuityWebhookRequest } from "@/lib/acuity-sync/node-webhook-handler";
import { stampSocketAddress } from "@/lib/audit/stamp-socket-address";
import { CLOSED_CONTENT_SECURITY_POLICY, commonSecurityHeaders } from "@/lib/http/security-headers";
import { withRequestContext } from "@/lib/log/request-context";

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

const pathOf = (url: string | undefined) => (url ?? "/").split("?", 1)[0];

/**
 * The portal server's handling of one request, before anything answers it: the security headers
 * (lib/http/security-headers.ts), the socket address
 * stamped for the audit, the request id settled (taken from the proxy or made, set on the request
 * and echoed on the response) with the log context around the rest; then Acuity's webhook on the
 * fast path, everything else to Next. Its own module so tests serve exactly this.
 */
export function portalRequestListener(handleWithNext: NextHandler) {
  // Read once: the configuration does not change while the server runs.
  const securityHeaders = Object.entries({
    ...commonSecurityHeaders(),
    "Content-Security-Policy": CLOSED_CONTENT_SECURITY_POLICY,
  });
  return (req: IncomingMessage, res: ServerResponse): void => {
    stampSocketAddress(req);
    // On every response, before anyone answers; a page's own policy (proxy.ts) replaces the closed one.
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    withRequestContext(req, res, () => {
      if (req.method === "POST" && pathOf(req.url) === ACUITY_WEBHOOK_PATH) {
        void handleAcuityWebhookRequest(req, res);
        return;
      }
      void handleWithNext(req, res);
    });
  };
}
