import Link from "next/link";

export default function BookingNotFound() {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">Booking not found</h1>
      <p className="mt-2 text-sm text-slate-600">It may have been removed, or the link is wrong.</p>
      <Link
        href="/bookings"
        className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline"
      >
        Back to bookings
      </Link>
    </section>
  );
}
