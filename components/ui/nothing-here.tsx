import Link from "next/link";

/** A page that does not exist at all: the way back to the start. */
export function NothingHere() {
  return (
    <div className="mx-auto max-w-prose py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Nothing here</h1>
      <p className="mt-2 text-ink-muted">This page does not exist. It may have moved, or the address may be mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-link underline underline-offset-2 hover:no-underline">
          Go to the clusters
        </Link>
      </p>
    </div>
  );
}
