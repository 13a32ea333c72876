"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/service/relative-time";
import { AWS_ERROR_TEXT } from "@/lib/aws-errors";
import { pagePaths } from "@/lib/query-keys";
import { principalName, type RevisionRow } from "@/lib/view-models/task-definition-history";
import { TEXT_LINK } from "./link-styles";
import { RevisionStatusBadge } from "./revision-status-badge";

const HEAD = ["Compare", "Revision", "Status", "Registered", "By", "Change note", "Images", "Actions"];

/** "public.ecr.aws/slipway/" dimmed before "web:1.5.0": the tag is what differs from one revision to the next. */
function Image({ image }: { image: string }) {
  const slash = image.lastIndexOf("/");
  return (
    <>
      <span className="text-ink-muted">{image.slice(0, slash + 1)}</span>
      {image.slice(slash + 1)}
    </>
  );
}

function Images({ images }: { images: string[] }) {
  if (images.length === 0) return <span className="text-ink-muted">—</span>;
  return (
    <ul className="min-w-[24ch] space-y-0.5">
      {images.map((image) => (
        <li key={image} className="font-mono text-xs [overflow-wrap:anywhere]">
          <Image image={image} />
        </li>
      ))}
    </ul>
  );
}

function Row({ row, now, picked, onPick }: { row: RevisionRow; now: number; picked: boolean; onPick: (revision: number) => void }) {
  const by = principalName(row.registeredBy);
  return (
    <tr className={picked ? "bg-info-soft" : undefined}>
      <td className="px-3 py-2 align-top">
        <input type="checkbox" checked={picked} onChange={() => onPick(row.revision)} aria-label={`Compare ${row.label}`} className="size-4 accent-brand" />
      </td>
      <td className="px-3 py-2 align-top whitespace-nowrap">
        <Link href={pagePaths.taskDefinitionRevision(row.family, row.revision)} className={`font-medium ${TEXT_LINK}`}>
          {row.label}
        </Link>
      </td>
      <td className="px-3 py-2 align-top">
        <RevisionStatusBadge status={row.status} />
      </td>
      {row.error ? (
        <td colSpan={4} className="px-3 py-2 align-top text-ink-muted">
          Its details could not be read: {AWS_ERROR_TEXT[row.error.code].title.toLowerCase()}. {row.error.detail}
        </td>
      ) : (
        <>
          <td className="px-3 py-2 align-top whitespace-nowrap">
            <RelativeTime iso={row.registeredAt} now={now} />
          </td>
          <td className="px-3 py-2 align-top whitespace-nowrap">{by ? <span title={row.registeredBy}>{by}</span> : <span className="text-ink-muted">—</span>}</td>
          <td className="min-w-[16ch] px-3 py-2 align-top">{row.changeNote ?? <span className="text-ink-muted">—</span>}</td>
          <td className="px-3 py-2 align-top">
            <Images images={row.images} />
          </td>
        </>
      )}
      <td className="px-3 py-2 align-top whitespace-nowrap">
        {row.previous !== undefined ? (
          <Link href={pagePaths.taskDefinitionCompare(`${row.family}:${row.previous}`, row.label)} className={TEXT_LINK} aria-label={`Compare ${row.label} with ${row.family}:${row.previous}`}>
            Compare with previous
          </Link>
        ) : (
          <span className="text-ink-muted">First revision</span>
        )}
      </td>
    </tr>
  );
}

/** A family's revisions, newest first; scrolls sideways inside its own box on a narrow screen. */
export function RevisionTable({ family, rows, now, picked, onPick }: { family: string; rows: RevisionRow[]; now: number; picked: readonly number[]; onPick: (revision: number) => void }) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-line bg-surface">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Revisions of {family}, newest first</caption>
        <thead className="bg-surface-sunken text-xs text-ink-muted">
          <tr>
            {HEAD.map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {label === "Compare" || label === "Actions" ? <span className="sr-only">{label}</span> : label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <Row key={row.revision} row={row} now={now} picked={picked.includes(row.revision)} onPick={onPick} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
