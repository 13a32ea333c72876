"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ServiceEventView } from "@/lib/view-models/service-detail";
import { RelativeTime } from "./relative-time";
import { Section } from "./section";

/** The first events are what a person usually needs; the rest of ECS's last 100 are a click away. */
const FIRST_EVENTS = 10;

/** ECS's service events, newest first. */
export function ServiceEvents({ events, now }: { events: readonly ServiceEventView[]; now: number }) {
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  const shown = showAll ? events : events.slice(0, FIRST_EVENTS);
  return (
    <Section title="Events" aside={events.length > 0 && `${events.length} from ECS, newest first`}>
      {events.length === 0 ? (
        <p className="text-sm text-ink-muted">ECS reports no events for this service yet.</p>
      ) : (
        <ol id={listId} className="divide-y divide-line text-sm">
          {shown.map((event) => (
            <li key={event.id || `${event.createdAt}-${event.message}`} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
              <span className="shrink-0 text-ink-muted tabular-nums sm:w-24">
                <RelativeTime iso={event.createdAt} now={now} />
              </span>
              <span className="min-w-0 [overflow-wrap:anywhere]">{event.message}</span>
            </li>
          ))}
        </ol>
      )}
      {events.length > FIRST_EVENTS && (
        <Button aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((value) => !value)}>
          {showAll ? `Show the first ${FIRST_EVENTS} events` : `Show all ${events.length} events`}
        </Button>
      )}
    </Section>
  );
}
