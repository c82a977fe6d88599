import Bowser from "bowser";

/**
 * "Chrome 156 on Linux", "Safari 18 on iOS": what a person recognises their own device by, read
 * from the session's user agent (bowser). The major version only — the rest changes weekly and
 * says nothing to a person. Unreadable or missing: said so, never guessed.
 */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent?.trim()) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split(".")[0];
  const name = browser.name ? [browser.name, major].filter(Boolean).join(" ") : null;
  if (name && os.name) return `${name} on ${os.name}`;
  return name ?? (os.name ? `A browser on ${os.name}` : "Unknown device");
}
