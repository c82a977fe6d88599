import type { IncomingMessage } from "node:http";
import { markPortalServerStampsSocketAddress } from "@/lib/config/environment";
import { SOCKET_ADDRESS_HEADER } from "./request-context";

/**
 * Called by the portal server once, before Next loads: from now on every request carries the
 * socket address in SOCKET_ADDRESS_HEADER (stampSocketAddress), so the app may believe it.
 */
export function trustSocketAddressHeader(): void {
  markPortalServerStampsSocketAddress();
}

/**
 * What the portal server does to every request before Next sees it: the socket's peer address
 * in SOCKET_ADDRESS_HEADER, replacing any value a client sent under that name. The app reads it
 * through clientIpFromHeaders.
 */
export function stampSocketAddress(req: IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}
