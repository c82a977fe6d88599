-- The admin's operations view (/admin) at a large provider's size (issue 14: 1,000,000 bookings,
-- ≈ 105,000 of them in the chart's 12 weeks). Its database share was ≈ 73 ms a page; two of its
-- statements read far more than they show:
--
-- The weekly chart counts the live bookings of 12 weeks by stage. The only index with the date and
-- the stage was the list's (appointment_date, id) covering eight more columns, 224 MB: the
-- index-only walk of 105,000 entries took 103 ms of the statement's 122. Keyed by the date and
-- carrying only the stage (25 MB), the same walk and count take ≈ 55 ms.
CREATE INDEX IF NOT EXISTS idx_bookings_live_date_stage ON bookings (appointment_date)
    INCLUDE (current_progress) WHERE status <> 'archived';
--> statement-breakpoint
-- "Needs a person" on the same view: webhook deliveries that failed with no attempt left
-- (unprocessed, an error, no next attempt), the newest five and how many. The list walked the
-- worker's queue index and fetched every unprocessed event from the table to sort them (1,000 at the
-- bench's size, ≈ 14 ms), the count the same (≈ 13 ms). Over exactly those events, newest first,
-- the list reads five entries (0.1 ms) and the count is an index-only walk (0.3 ms); the index is
-- as small as the backlog (56 kB for 1,000).
CREATE INDEX IF NOT EXISTS idx_webhook_events_needs_person ON webhook_events (created_at DESC, id DESC)
    WHERE processed_at IS NULL AND error IS NOT NULL AND next_attempt_at IS NULL;
