import type { IncomingMessage, ServerResponse } from "node:http";
import { ACUITY_WEBHOOK_PATH } from "@/lib/acuity-sync/receive-webhook";
import { handleAcuityWebhookRequest } from "@/lib/acuity-sync/node-webhook-handler";
import { stampSocketAddress } from "@/lib/audit/stamp-socket-address";
import { withRequestContext } from "@/lib/log/request-context";

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

const pathOf = (url: string | undefined) => (url ?? "/").split("?", 1)[0];

/**
 * The portal server's handling of one request, before anything answers it: the socket address
 * stamped for the audit, the request id settled (taken from the proxy or made, set on the request
 * and echoed on the response) with the log context around the rest; then Acuity's webhook on the
 * fast path, everything else to Next. Its own module so tests serve exactly this.
 */
export function portalRequestListener(handleWithNext: NextHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    stampSocketAddress(req);
    withRequestContext(req, res, () => {
      if (req.method === "POST" && pathOf(req.url) === ACUITY_WEBHOOK_PATH) {
        void handleAcuityWebhookRequest(req, res);
        return;
      }
      void handleWithNext(req, res);
    });
  };
}
