import type { Metadata } from "next";
import { SessionsList } from "@/components/sessions/sessions-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { currentActor, refusalFor } from "@/server/auth/session";
import { readSessionsView } from "@/server/auth/sessions-view";

export const metadata: Metadata = { title: "Sessions" };

const DESCRIPTION = "Who is signed in, since when, and from which sign-in. Ending a session signs its person out on their next request, on every page and route.";

/** Admins see every session and may end any; read on each visit, as sessions start and end all the time. */
export default async function SessionsPage() {
  const actor = await currentActor();
  const refusal = refusalFor(actor, "manage-sessions");
  if (refusal || !actor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Sessions" />
        <Notice tone="warn" title="You are not allowed to see sessions">
          <p>{refusal?.message ?? "Sign in first."}</p>
        </Notice>
      </div>
    );
  }
  const sessions = await readSessionsView(actor);
  return (
    <div className="space-y-6">
      <PageHeader title="Sessions" description={DESCRIPTION} />
      <SessionsList sessions={sessions} />
    </div>
  );
}
