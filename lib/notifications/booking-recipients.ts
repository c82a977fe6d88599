/**
 * Who hears about a booking event (shared/PRODUCT.md "Notifications"), as a pure rule over what
 * the fan-out loaded (load-booking-audience.ts):
 *
 * - the referrer side: the booker (the person it was booked for, when an admin booked on their
 *   behalf) and the booking's report recipients (booking_contacts);
 * - the specialist side, for booked / rescheduled / cancelled only: the specialist's user, unless
 *   they made the change themselves.
 *
 * In the app: one notification per user who can see the booking now (the policy's answer). By
 * e-mail: one message per address, the same address never twice (a booker also listed as a
 * recipient gets one), and none of a kind the user switched off unless it is always sent. Banned
 * users and the system account hear nothing. A recipient without an account gets the e-mail only.
 */
import { EMAIL_KIND_OF_EVENT, type EmailKind } from "./kinds";
import type { BookingEventKind } from "./booking-change-events";
import { wantsEmail } from "./preferences";

/** A user account among the audience, with what the rules need to know about it. */
export interface AudienceUser {
  userId: string;
  email: string;
  banned: boolean;
  /** The system account (bookings made in Acuity): not a person, never told anything. */
  isSystem: boolean;
  /** Whether the policy lets this user see the booking now. */
  canView: boolean;
  /** The e-mail kinds this user switched off. */
  switchedOff: ReadonlySet<EmailKind>;
}

export interface AudienceContact {
  email: string;
  name: string | null;
  /** The user account with this address, if there is one. */
  account: AudienceUser | null;
}

export interface BookingAudience {
  kind: BookingEventKind;
  /** Who made the change (null for Acuity). */
  actorUserId: string | null;
  booker: AudienceUser | null;
  specialist: AudienceUser | null;
  contacts: AudienceContact[];
}

export type RecipientRole = "booker" | "contact" | "specialist";

export interface PlannedEmail {
  kind: EmailKind;
  toAddress: string;
  recipientUserId: string | null;
  role: RecipientRole;
  /** A recipient's name as the booking lists it (contacts only). */
  name: string | null;
  /** Whether signing in shows them the booking; a recipient who can't is told to ask the booker. */
  canSignIn: boolean;
}

export interface BookingMessagePlan {
  /** Users who get an in-app notification. */
  readers: string[];
  emails: PlannedEmail[];
}

const reachable = (user: AudienceUser | null): user is AudienceUser =>
  user !== null && !user.banned && !user.isSystem;

export function planBookingMessages(audience: BookingAudience): BookingMessagePlan {
  const kinds = EMAIL_KIND_OF_EVENT[audience.kind];
  const readers = new Set<string>();
  const emails = new Map<string, PlannedEmail>();

  const addEmail = (email: PlannedEmail, user: AudienceUser | null) => {
    if (user && !wantsEmail(user.switchedOff, email.kind)) return;
    const key = email.toAddress.trim().toLowerCase();
    if (!emails.has(key)) emails.set(key, email);
  };

  const { booker, specialist } = audience;
  // A booker who can no longer see the booking (left the organization or its team) is not told.
  if (reachable(booker) && booker.canView) {
    readers.add(booker.userId);
    addEmail(
      {
        kind: kinds.referrer,
        toAddress: booker.email,
        recipientUserId: booker.userId,
        role: "booker",
        name: null,
        canSignIn: true,
      },
      booker,
    );
  }

  if (
    kinds.specialist &&
    reachable(specialist) &&
    specialist.canView &&
    specialist.userId !== audience.actorUserId
  ) {
    readers.add(specialist.userId);
    addEmail(
      {
        kind: kinds.specialist,
        toAddress: specialist.email,
        recipientUserId: specialist.userId,
        role: "specialist",
        name: null,
        canSignIn: true,
      },
      specialist,
    );
  }

  for (const contact of audience.contacts) {
    const account = contact.account;
    // The address belongs to an account that may not be told anything.
    if (account && !reachable(account)) continue;
    const canSignIn = account?.canView ?? false;
    if (account && canSignIn) readers.add(account.userId);
    addEmail(
      {
        kind: kinds.referrer,
        toAddress: contact.email,
        recipientUserId: account?.userId ?? null,
        role: "contact",
        name: contact.name,
        canSignIn,
      },
      account,
    );
  }

  return { readers: [...readers], emails: [...emails.values()] };
}
