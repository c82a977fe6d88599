"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { LinkPendingHint } from "@/components/ui/link-pending-hint";
import { currentSection } from "./current-section";

/**
 * A menu's links with the current one marked `aria-current="page"` (read out as "current page")
 * and shown by more than colour: `currentClassName` adds weight and an underline or border.
 * `match` lists extra hrefs that only decide which link is current (none is rendered for them).
 */
export function NavLinks({
  items,
  className,
  currentClassName,
  otherClassName,
}: {
  items: readonly { href: string; label: string; match?: string }[];
  className: string;
  currentClassName: string;
  otherClassName: string;
}) {
  const pathname = usePathname();
  const current = currentSection(
    pathname,
    items.map((item) => item.match ?? item.href),
  );
  return items.map((item) => {
    const isCurrent = (item.match ?? item.href) === current;
    return (
      <Link
        key={item.href}
        href={item.href}
        aria-current={isCurrent ? "page" : undefined}
        className={`relative ${className} ${isCurrent ? currentClassName : otherClassName}`}
      >
        {item.label}
        <LinkPendingHint />
      </Link>
    );
  });
}
