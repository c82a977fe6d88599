"use client";
import { Button } from "@/components/ui/button";

/** A page that failed to load (database or calendar unreachable): say so, keep calm, offer a retry. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-rose-200 bg-white p-8 text-center"
    >
      <h1 className="text-lg font-semibold">We couldn&apos;t load this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        Something on our side didn&apos;t answer. Your bookings are safe — try again in a moment.
        {error.digest && <span className="mt-1 block text-xs text-slate-600">Reference: {error.digest}</span>}
      </p>
      <Button className="mt-4" onClick={() => reset()}>
        Try again
      </Button>
    </section>
  );
}
