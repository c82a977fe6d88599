import { AcuityAuthError, AcuityError, AcuityRateLimitedError, AcuityUnavailableError } from "@/lib/acuity";
import { databaseErrorOf, isPermanentDatabaseError } from "@/lib/errors/database-error";
import { log, LOG_EVENTS } from "@/lib/log";
import { SyncDeferredError, SyncNeedsPersonError } from "./errors";

/** What an admin reads about a failed sync (Admin → Webhooks, the reconcile report), and whether retrying can help. */
export interface SyncFailure {
  /** Plain words with the appointment id — never SQL, never the examinee's details. */
  message: string;
  retry: boolean;
}

const SERVER_LOG = "the server log has the detail";

function databaseFailure(error: unknown, appointmentId: string): SyncFailure | null {
  const facts = databaseErrorOf(error);
  if (!facts) return null;
  if (!isPermanentDatabaseError(facts)) {
    return {
      message: `The portal's database refused to save appointment ${appointmentId} (error ${facts.code}); ${SERVER_LOG}.`,
      retry: true,
    };
  }
  const why =
    facts.code === "22001"
      ? "a value is longer than the portal keeps"
      : facts.code === "23514"
        ? `it breaks the rule "${facts.constraint ?? "a check"}"`
        : facts.code === "23502"
          ? "a required value is missing"
          : "a value the database cannot hold";
  return {
    message: `Appointment ${appointmentId} cannot be recorded as it stands in Acuity (${why}); correct it in Acuity and the portal picks the change up by itself.`,
    retry: false,
  };
}

function acuityFailure(error: unknown, appointmentId: string): SyncFailure | null {
  if (!(error instanceof AcuityError)) return null;
  if (error instanceof AcuityUnavailableError || error instanceof AcuityRateLimitedError) {
    return {
      message: `Acuity did not answer when the portal read appointment ${appointmentId} (${error.code}).`,
      retry: true,
    };
  }
  if (error instanceof AcuityAuthError) {
    return {
      message: `Acuity refused the portal's credentials when it read appointment ${appointmentId}; check ACUITY_USER_ID and ACUITY_API_KEY.`,
      retry: true,
    };
  }
  return {
    message: `Acuity's answer about appointment ${appointmentId} could not be used (${error.code}); ${SERVER_LOG}.`,
    retry: true,
  };
}

/**
 * Maps a failed sync of one appointment to the sentence an admin sees, and writes what went
 * wrong to the server log (redacted) when the sentence alone doesn't explain it.
 */
export function explainSyncFailure(error: unknown, appointmentId: string): SyncFailure {
  if (error instanceof SyncDeferredError) return { message: error.message, retry: true };
  if (error instanceof SyncNeedsPersonError) return { message: error.message, retry: false };
  const known = acuityFailure(error, appointmentId) ?? databaseFailure(error, appointmentId);
  if (!known || !(error instanceof AcuityUnavailableError || error instanceof AcuityRateLimitedError)) {
    log.error(
      { event: LOG_EVENTS.webhookSyncFailed, appointmentId, err: error },
      "an appointment failed to sync from Acuity",
    );
  }
  return (
    known ?? {
      message: `Syncing appointment ${appointmentId} failed unexpectedly; ${SERVER_LOG}.`,
      retry: true,
    }
  );
}
