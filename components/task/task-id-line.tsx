import { CopyButton } from "./copy-button";

/** The full task id under the shortened heading, selectable and copyable. */
export function TaskIdLine({ id }: { id: string }) {
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span>
        Task id <code className="font-mono text-ink [overflow-wrap:anywhere] select-all">{id}</code>
      </span>
      <CopyButton value={id} label="Copy id" />
    </span>
  );
}
