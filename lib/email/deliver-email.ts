// PLACEHOLDER — replaced by the mail-stack builder.
export function deliverOutboxEmail(
  outboxId: string,
  _context: { jobId: string; lastAttempt: boolean },
): Promise<void> {
  return Promise.reject(new Error(`delivery not built yet (${outboxId})`));
}
