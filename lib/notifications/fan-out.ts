// PLACEHOLDER — replaced by the notifications builder.
export function fanOutNotificationEvent(eventId: string): Promise<void> {
  return Promise.reject(new Error(`fan-out not built yet (${eventId})`));
}
