/**
 * Which of a menu's links is the page being shown: the longest href that the pathname starts
 * with, at a "/" boundary ("/admin" for /admin/users only when no "/admin/users" link exists;
 * "/bookings/new" rather than "/bookings" on the form); "/" only on the home itself. Null when
 * none fits.
 */
export function currentSection(pathname: string, hrefs: readonly string[]): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const path = href.split(/[?#]/)[0]!;
    // "/" (the home) is current only on itself, not as the prefix of every path.
    const fits = pathname === path || (path !== "/" && pathname.startsWith(`${path}/`));
    if (fits && (best === null || path.length > best.split(/[?#]/)[0]!.length)) best = href;
  }
  return best;
}
