"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatTimestamp } from "@/lib/timestamp";
import type { SessionView } from "@/lib/view-models/sessions";
import { endSession } from "@/server/actions/end-session";

function EndSessionButton({ session, onEnded }: { session: SessionView; onEnded: (result: Awaited<ReturnType<typeof endSession>>) => void }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const action = useAction(endSession);
  const whose = session.yours ? "your" : `${session.person.name}'s`;

  async function confirm() {
    const answer = await action.run({ sessionId: session.id });
    setOpen(false);
    onEnded(answer);
    if (answer.ok) router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        End session<span className="sr-only"> of {session.person.name}, started {formatTimestamp(session.startedAt)}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`End ${whose} session?`}
        description={
          session.yours ? (
            <p>This is the session you are using: you will be signed out.</p>
          ) : (
            <p>
              {session.person.name} is signed out on their next request, wherever they are. They can sign in again while the users file or single sign-on lets them; to keep them
              out, remove them there as well.
            </p>
          )
        }
      >
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" busy={action.pending} onClick={confirm}>
            End session
          </Button>
        </div>
      </Dialog>
    </>
  );
}

function Facts({ facts }: { facts: { label: string; value: string }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
      {facts.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="text-ink-muted">{fact.label}</dt>
          <dd className="mb-1 [overflow-wrap:anywhere] sm:mb-0">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SessionCard({ session, onEnded }: { session: SessionView; onEnded: (result: Awaited<ReturnType<typeof endSession>>) => void }) {
  return (
    <li className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      <article aria-label={`${session.person.name}, ${session.live ? "signed in" : "ended"} ${formatTimestamp(session.startedAt)}`} className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 className="font-semibold [overflow-wrap:anywhere]">
              {session.person.name} {session.yours && <span className="text-sm font-normal text-ink-muted">(you)</span>}
            </h2>
            {session.person.email && <p className="text-sm text-ink-muted [overflow-wrap:anywhere]">{session.person.email}</p>}
          </div>
          <div className="flex items-center gap-3">
            {session.live ? <Badge tone="ok">Signed in</Badge> : <Badge>{session.ending?.reason === "Expired." ? "Expired" : "Ended"}</Badge>}
            {session.live && <EndSessionButton session={session} onEnded={onEnded} />}
          </div>
        </div>
        <Facts
          facts={[
            { label: "Roles", value: session.roles.length ? session.roles.join(", ") : "none now" },
            { label: "Signed in with", value: session.signedInWith },
            { label: "Started", value: formatTimestamp(session.startedAt) },
            { label: "Last seen", value: formatTimestamp(session.lastSeenAt) },
            session.ending
              ? { label: "Ended", value: `${formatTimestamp(session.ending.at)}: ${session.ending.reason}${session.ending.by && !session.ending.reason.includes(session.ending.by) ? ` (${session.ending.by})` : ""}` }
              : { label: "Expires", value: formatTimestamp(session.expiresAt) },
          ]}
        />
      </article>
    </li>
  );
}

/** Live sessions first, then those that ended in the last week. */
export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const [result, setResult] = useState<Awaited<ReturnType<typeof endSession>>>();
  return (
    <div className="space-y-4">
      <ActionResultNotice result={result} failureTitle="The session was not ended" />
      {sessions.length === 0 ? (
        <p className="text-ink-muted">No sessions yet.</p>
      ) : (
        <ul aria-label="Sessions" className="space-y-3">
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} onEnded={setResult} />
          ))}
        </ul>
      )}
    </div>
  );
}
