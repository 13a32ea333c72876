/** The empty inbox says what would appear here, and when. */
export function NoApprovals() {
  return (
    <section aria-labelledby="no-approvals-title" className="rounded-lg border border-dashed border-line bg-surface px-4 py-8 text-center sm:px-8">
      <h2 id="no-approvals-title" className="text-lg font-semibold">
        Nothing is waiting for approval
      </h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
        A deployment whose configuration has a PAUSE lifecycle hook stops here when it reaches that stage, until an approver continues or rolls it back, or its
        timeout passes. None is paused in any cluster now.
      </p>
    </section>
  );
}
