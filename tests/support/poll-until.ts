/** Polls until `ready` holds, 20 ms apart; the test's own timeout bounds it (no wall-clock limit here). */
export async function pollUntil(ready: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 20));
}
