/**
 * `npm run demo:totp -- admin@ime.test` — DEMO ONLY: prints the current two-factor code of a demo
 * account the seed enrolled (the demo admin and the demo specialists share the public
 * DEMO_TOTP_SECRET of db/seed/demo-people.ts). Reads no database and no configuration; a real
 * account's code comes only from its owner's authenticator app.
 *
 * Exit codes: 0 printed; 2 bad usage or not a demo account with two-factor.
 */
import { DEMO_ADMIN, DEMO_TOTP_SECRET } from "@/db/seed/demo-people";
import { DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { totpCodeFor } from "@/lib/two-factor/totp-code";
import { printLine, printProblem } from "@/services/terminal";

const enrolled = [DEMO_ADMIN.email, ...DEMO_CALENDARS.map((calendar) => calendar.email)];
const email = process.argv[2]?.trim().toLowerCase();
if (!email || !enrolled.includes(email)) {
  printProblem("usage: npm run demo:totp -- <e-mail of a demo account with two-factor>");
  printProblem(`demo accounts with two-factor: ${enrolled.join(", ")}`);
  process.exit(2);
}
const now = Date.now();
const secondsLeft = 30 - (Math.floor(now / 1000) % 30);
printLine(totpCodeFor(DEMO_TOTP_SECRET, new Date(now)));
printProblem(`(demo code for ${email}; valid for ${secondsLeft} more seconds)`);
