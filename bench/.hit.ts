// scratch: sign in as a persona and load a page with autocannon (not committed)
import autocannon from "autocannon";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/db/seed/demo-people";
import { totpCodeFor } from "@/lib/two-factor/totp-code";
const [base, email, pagePath, seconds = "5", connections = "1"] = process.argv.slice(2);
const jar = new Map<string, string>();
const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
async function post(p: string, body: unknown) {
  const r = await fetch(`${base}/api/auth${p}`, { method: "POST", headers: { "content-type": "application/json", origin: base!, cookie: header() }, body: JSON.stringify(body) });
  for (const c of r.headers.getSetCookie()) { const [pair] = c.split(";"); const [n, ...v] = pair!.split("="); if (v.join("=")) jar.set(n!.trim(), v.join("=")); }
  if (!r.ok) throw new Error(`${p} ${r.status}`);
  return (await r.json()) as { twoFactorRedirect?: boolean };
}
let cookie = "";
if (email !== "none") {
  const first = await post("/sign-in/email", { email, password: DEMO_PASSWORD });
  if (first.twoFactorRedirect) await post("/two-factor/verify-totp", { code: totpCodeFor(DEMO_TOTP_SECRET) });
  cookie = header();
}
const check = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
const body = await check.text();
console.log(`check ${check.status} ${Math.round(body.length / 1024)} KB`);
const times: number[] = [];
const inst = autocannon({ url: `${base}${pagePath}`, connections: Number(connections), duration: Number(seconds), headers: cookie ? { cookie } : {} });
inst.on("response", (_c: unknown, _s: number, _b: number, t: number) => times.push(t));
await inst;
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.min(times.length - 1, Math.floor((q / 100) * times.length))]!;
console.log(`${pagePath}: n=${times.length} rps=${(times.length / Number(seconds)).toFixed(1)} p50=${p(50).toFixed(1)} p95=${p(95).toFixed(1)}`);
