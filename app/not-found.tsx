import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
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
