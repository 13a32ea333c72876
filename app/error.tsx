"use client";

/** A page that throws while rendering: say so plainly and offer to try again; the details are in the server's log. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div role="alert" className="mx-auto max-w-prose py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This page failed to load</h1>
      <p className="mt-2 text-ink-muted">
        Something went wrong in Slipway itself, not in AWS.
        {digest && (
          <>
            {" "}
            The server&rsquo;s log has the details under reference <code className="font-mono">{digest}</code>.
          </>
        )}
      </p>
      <button type="button" onClick={retry} className="mt-6 rounded-md bg-brand px-4 py-2 text-sm font-medium text-brand-ink hover:bg-brand/90">
        Try again
      </button>
    </div>
  );
}
