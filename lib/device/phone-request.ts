import { headers } from "next/headers";

/**
 * Whether the request comes from a phone, by the browser's own word: the `Sec-CH-UA-Mobile`
 * client hint (Chromium sends it unasked) or a mobile user agent. Only a first guess for pages
 * that render one layout of a list — the browser corrects it from its real width once running.
 */
export async function requestLooksLikePhone(): Promise<boolean> {
  const sent = await headers();
  if (sent.get("sec-ch-ua-mobile") === "?1") return true;
  return /\b(Mobi|iPhone|iPod|Android.+Mobile)\b/.test(sent.get("user-agent") ?? "");
}
