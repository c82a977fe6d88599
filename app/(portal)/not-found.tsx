import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/shell/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/** A record the viewer may not see or that does not exist (notFound()), inside the portal's own page frame. */
export default function PortalNotFound() {
  return <NotFoundMessage />;
}
