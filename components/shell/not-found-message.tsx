import Link from "next/link";

/** What a page that does not exist says, in the portal's frame or on its own (app/not-found.tsx). */
export function NotFoundMessage() {
  return (
    <section className="mx-auto max-w-xl py-8 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">This address does not lead to anything you can see in the portal.</p>
      <p className="mt-6">
        <Link href="/" className="text-indigo-700 underline">
          Go to your home page
        </Link>
      </p>
    </section>
  );
}
