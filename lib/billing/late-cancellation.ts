/**
 * Whether a cancellation is late (chargeable): made within the schedule's window before the
 * examination. The window is elapsed time between two instants — "24 hours" is 24 real hours,
 * also across a daylight-saving change — so no time zone enters the rule; the specialist's or
 * the viewer's zone only changes how the times are shown.
 */
export function isLateCancellation(input: {
  cancelledAt: Date;
  appointmentAt: Date;
  windowHours: number;
}): boolean {
  const windowStart = input.appointmentAt.getTime() - input.windowHours * 3_600_000;
  // A cancellation at or after the start (an admin correction, a late Acuity change) is late too.
  return input.cancelledAt.getTime() >= windowStart;
}
