/**
 * Stable `event` names of log lines an operator alerts or searches on. Error-level ones need a
 * person (or at least a look); the text beside them may change, these names do not. Listed in
 * ARCHITECTURE.md ("Logs").
 */
export const LOG_EVENTS = {
  /** A booking could not be saved and cancelling its Acuity appointment failed: Acuity holds an appointment no booking backs until the worker cancels it. */
  appointmentOrphaned: "acuity.appointment_orphaned",
  /** Cancelling in Acuity the appointment of a booking attempt the portal gave up on failed (Acuity refused, not just silent); retried with backoff. */
  abandonedCancelFailed: "acuity.abandoned_cancel_failed",
  /** A reschedule's database write failed and moving the Acuity appointment back failed too; Acuity's webhook brings the booking to Acuity's time. */
  rescheduleNotReverted: "acuity.reschedule_not_reverted",
  /** Saving a booking failed after Acuity made its appointment; the portal cancels that appointment (see appointment_orphaned if it cannot). */
  bookingSaveFailed: "booking.save_failed",
  /** Acuity cancelled an appointment but the portal could not record it (twice); Acuity's webhook records it later. */
  bookingCancelNotRecorded: "booking.cancel_not_recorded",
  /** Acuity cancelled, the first write failed and is tried once more (warn). */
  bookingCancelWriteRetried: "booking.cancel_write_retried",
  /** Marking a lost booking attempt abandoned failed; it counts as abandoned anyway once its time passes (warn). */
  bookingAttemptNotAbandoned: "booking.attempt_not_abandoned",
  /** An action failed with an unexpected error and was rolled back. */
  actionFailed: "action.failed",
  /** A webhook event used its last attempt, or failed in a way no retry fixes: it waits in Admin → Webhooks for a person. */
  webhookEventGaveUp: "webhook.event_gave_up",
  /** Syncing one appointment from Acuity failed (retried unless webhook.event_gave_up follows). */
  webhookSyncFailed: "webhook.sync_failed",
  /** A webhook delivery could not be stored or answered: Acuity got a 500 and retries it. */
  webhookNotStored: "webhook.not_stored",
  /** A grouped insert of deliveries was refused; each is stored alone (warn). */
  webhookGroupRetried: "webhook.group_stored_one_by_one",
  /** A pass of the webhook worker failed as a whole; the next pass tries again. */
  webhookWorkerFailed: "webhook.worker_pass_failed",
  /** An unconfirmed upload (its object or its row) could not be deleted; the next run tries again. */
  uploadCleanupFailed: "upload_cleanup.failed",
  /** Unconfirmed uploads were deleted (info). */
  uploadCleanupDeleted: "upload_cleanup.deleted",
  /** An idle database connection was dropped by the server; the pool replaces it (warn). */
  databaseConnectionLost: "db.idle_connection_lost",
  /** Acuity's appointment types could not be read; telehealth calendars are not recognised meanwhile (warn). */
  acuityAppointmentTypesUnreadable: "acuity.appointment_types_unreadable",
  /** The name-search statistics (pg_stats) could not be read; every search is counted through its trigram keys meanwhile (warn). */
  searchStatisticsUnreadable: "search.statistics_unreadable",
  /** The job engine (pg-boss) reported an error of its own: a lost connection, a failed maintenance pass. */
  jobEngineError: "jobs.engine_error",
  /** A job failed; pg-boss retries it with backoff until its queue's retry limit (warn). */
  jobFailed: "jobs.job_failed",
  /** Fanning out a notification event failed; it is tried again from 5 s, doubling to an hour (warn; error when a whole pass fails). */
  fanOutFailed: "notifications.fan_out_failed",
  /** An e-mail used its last attempt: it is `failed` in Admin → Outbox, where an admin may resend it. */
  emailUndeliverable: "email.undeliverable",
  /** An e-mail was to be sent but SMTP_URL is not set: it stays queued and fails after its retries (warn, once per process). */
  emailNotConfigured: "email.smtp_not_configured",
  /** Something that needs a person could not be recorded for the admins (their in-app list, their digest); the line before it says what. */
  attentionNotRecorded: "notifications.attention_not_recorded",
  /** A chargeable event found no price for its specialty and appointment type in the fee schedule: no charge, an attention event for the admins. */
  billingPriceMissing: "billing.price_missing",
  /** A daily digest run finished: how many people were sent one (info). */
  digestSent: "digest.sent",
  /** A password reset link was made but its e-mail could not be queued: the person gets nothing and must ask again. */
  passwordResetNotQueued: "auth.password_reset_not_queued",
  /** A sealer pass failed; the rows stay pending and the next pass seals them. */
  auditSealFailed: "audit.seal_failed",
  /** The sealer sealed audit rows that carry no valid MAC: inserted behind the portal's back, or changed before sealing. */
  auditRowUnauthenticated: "audit.row_unauthenticated",
  /** Verifying the audit trail found a row changed, removed or inserted out of band, or a seal altered or removed. */
  auditTrailTampered: "audit.trail_tampered",
  /** Verifying the audit trail finished (info: rows and seals checked, the result). */
  auditTrailVerified: "audit.trail_verified",
} as const;

export type LogEvent = (typeof LOG_EVENTS)[keyof typeof LOG_EVENTS];
