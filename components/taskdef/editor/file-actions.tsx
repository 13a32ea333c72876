"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { parseTaskDefinitionFile, registrationFileName, type Registration } from "@/lib/taskdef/registration";

type ImportOutcome = { ok: true; name: string; dropped: string[] } | { ok: false; name: string; message: string; line?: number; column?: number };

/** Import a taskdef.json as pipelines keep it (replacing the draft), or download the draft as one. */
export function FileActions({ text, family, onImported }: { text: string; family: unknown; onImported: (registration: Registration, changeNote: string | undefined) => void }) {
  const inputId = useId();
  const [outcome, setOutcome] = useState<ImportOutcome>();

  async function importFile(file: File) {
    const imported = parseTaskDefinitionFile(await file.text());
    if (!imported.ok) {
      setOutcome({ ok: false, name: file.name, message: imported.message, line: imported.line, column: imported.column });
      return;
    }
    onImported(imported.registration, imported.changeNote);
    setOutcome({ ok: true, name: file.name, dropped: imported.dropped });
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = registrationFileName(typeof family === "string" && family ? family : "task-definition", undefined);
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="inline-flex min-h-9 cursor-pointer items-center rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-surface-sunken focus-within:outline-2 focus-within:outline-focus">
          Import taskdef.json
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void importFile(file);
            }}
          />
        </label>
        <Button onClick={download}>Download JSON</Button>
      </div>
      <div aria-live="polite">
        {outcome?.ok && (
          <Notice tone="info" title={`Imported ${outcome.name} into the draft.`}>
            {outcome.dropped.length > 0 && <p>Left out what ECS sets itself: {outcome.dropped.join(", ")}.</p>}
          </Notice>
        )}
        {outcome && !outcome.ok && (
          <Notice tone="danger" title={`${outcome.name} was not imported`}>
            <p>
              {outcome.line !== undefined && `Line ${outcome.line}, column ${outcome.column}: `}
              {outcome.message}
            </p>
          </Notice>
        )}
      </div>
    </div>
  );
}
