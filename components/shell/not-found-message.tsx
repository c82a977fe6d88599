/**
 * What a page that does not exist says, in the portal's frame or on its own (app/not-found.tsx).
 * A plain link home, not next/link: the root not-found is in every page's first load, and Link's
 * chunk there put four pages over their JavaScript budget (tests/e2e/bundle-budget.spec.ts).
 */
export function NotFoundMessage() {
  return (
    <section className="mx-auto max-w-xl py-8 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">This address does not lead to anything you can see in the portal.</p>
      <p className="mt-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load home is fine from a 404; Link's chunk is not (above). */}
        <a href="/" className="text-indigo-700 underline">
          Go to your home page
        </a>
      </p>
    </section>
  );
}
