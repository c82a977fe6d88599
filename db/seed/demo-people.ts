import { SYSTEM_ACCOUNT } from "@/lib/auth/system-account";

/** The demo personas. The README lists these logins; every demo user shares one password. */
export const DEMO_PASSWORD = "demo-password";

export const DEMO_ADMIN = { name: "Avery Admin", email: "admin@ime.test" };

/**
 * DEMO ONLY — the one authenticator key of the demo admin and the demo specialists, who must use
 * two-factor sign-in (lib/two-factor). It is public (it is in this file), so it protects nothing:
 * `npm run demo:totp -- <email>` prints the current code, and the e2e `signIn` helper types it.
 * A production admin made with `npm run admin:create` enrols their own at first sign-in.
 * (The raw key, 32 characters, as better-auth's twoFactor plugin generates them.)
 */
export const DEMO_TOTP_SECRET = "ime-portal-demo-authenticator-01";

/** DEMO ONLY — the demo enrolments' backup codes (each works once per database). */
export const DEMO_BACKUP_CODES = Array.from({ length: 10 }, (_, i) => `demo0-backup${i}`);

/** Owner of bookings made directly in Acuity and of webhook-driven changes. Cannot sign in. */
export const SYSTEM_USER = SYSTEM_ACCOUNT;

export interface DemoPerson {
  name: string;
  email: string;
  role: "owner" | "admin" | "member";
  /** Indexes into the organization's teams. */
  teams: number[];
}

export interface DemoOrganization {
  slug: string;
  name: string;
  teams: string[];
  people: DemoPerson[];
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: "northwind-insurance",
    name: "Northwind Insurance",
    teams: ["Motor Claims", "Workers Compensation"],
    people: [
      { name: "Olivia Owner", email: "owner@northwind.test", role: "owner", teams: [] },
      { name: "Adam Admin", email: "admin@northwind.test", role: "admin", teams: [0] },
      { name: "Mia Motor", email: "motor@northwind.test", role: "member", teams: [0] },
      { name: "Will Workers", email: "workers@northwind.test", role: "member", teams: [1] },
    ],
  },
  {
    slug: "harbor-finch",
    name: "Harbor & Finch Lawyers",
    teams: ["Personal Injury", "Medical Negligence"],
    people: [
      { name: "Hugo Harbor", email: "owner@harborfinch.test", role: "owner", teams: [] },
      { name: "Fiona Finch", email: "admin@harborfinch.test", role: "admin", teams: [1] },
      { name: "Priya Injury", email: "injury@harborfinch.test", role: "member", teams: [0] },
      { name: "Noah Negligence", email: "negligence@harborfinch.test", role: "member", teams: [1] },
    ],
  },
  {
    slug: "summit-mutual",
    name: "Summit Employers Mutual",
    teams: ["East Region", "West Region"],
    people: [
      { name: "Sofia Summit", email: "owner@summit.test", role: "owner", teams: [] },
      { name: "Ethan East", email: "admin@summit.test", role: "admin", teams: [0] },
      { name: "Emma East", email: "east@summit.test", role: "member", teams: [0] },
      { name: "Liam West", email: "west@summit.test", role: "member", teams: [1] },
    ],
  },
];
