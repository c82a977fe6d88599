"use client";
/**
 * Shown while the bookings page's query runs (first load and every filter or page change). A client
 * component though it has no state: as a server one its 3.5 KB element tree travelled in every
 * `/bookings` payload (issue 14); as a client one the payload carries a reference.
 */
export default function BookingsLoading() {
  return (
    <section className="space-y-4" aria-busy="true" aria-label="Loading bookings">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      <div className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-slate-100 px-4 py-4">
            <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
            <div className="h-4 w-48 animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-32 animate-pulse rounded bg-slate-100" />
            <div className="ml-auto h-4 w-20 animate-pulse rounded-full bg-slate-200" />
          </div>
        ))}
      </div>
    </section>
  );
}
