import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/shell/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/**
 * An address the portal has no page for (outside the portal's frame: app/(portal)/not-found.tsx
 * says it inside). Its own small tree, not Next's default: that one's inline styles travelled in
 * every page's payload as the fallback of the portal's frame (≈ 1.3 KB a page).
 */
export default function NotFound() {
  return (
    <main id="main" className="px-4 py-8">
      <NotFoundMessage />
    </main>
  );
}
