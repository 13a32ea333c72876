"use client";

import dynamic from "next/dynamic";
import type { JsonEditorHandle, JsonSyntaxError } from "./json-editor";
import { JSON_EDITOR_ID } from "./field-paths";

/** CodeMirror is loaded once the page is interactive, so it is not part of the page's first JavaScript. */
const JsonEditor = dynamic(() => import("./json-editor"), {
  ssr: false,
  loading: () => (
    <div className="grid h-[32rem] place-items-center rounded-md border border-line bg-surface text-sm text-ink-muted lg:h-[calc(100dvh-12rem)] lg:min-h-[28rem]" role="status">
      Loading the JSON editor…
    </div>
  ),
});

const HINT_ID = `${JSON_EDITOR_ID}-hint`;
const ERROR_ID = `${JSON_EDITOR_ID}-error`;

/** The draft as JSON, with where it stops being JSON said beside it. */
export function JsonPanel({
  text,
  onChange,
  syntaxError,
  messages,
  onReady,
}: {
  text: string;
  onChange: (text: string) => void;
  syntaxError: JsonSyntaxError | undefined;
  /** Validation messages about members the form does not show. */
  messages: [string, string][];
  onReady: (handle: JsonEditorHandle) => void;
}) {
  return (
    <section aria-labelledby={`${JSON_EDITOR_ID}-heading`} id={JSON_EDITOR_ID} tabIndex={-1} className="space-y-2">
      <h2 id={`${JSON_EDITOR_ID}-heading`} className="text-lg font-semibold">
        JSON
      </h2>
      <p id={HINT_ID} className="text-xs text-ink-muted">
        The registration as <code>aws ecs register-task-definition --cli-input-json</code> takes it. Tab indents; press Escape then Tab to leave the editor.
      </p>
      <div id={ERROR_ID} aria-live="polite">
        {syntaxError && (
          <p className="rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm font-medium text-danger">
            Line {syntaxError.line}, column {syntaxError.column}: {syntaxError.message}. The form shows the last JSON that parsed.
          </p>
        )}
        {messages.length > 0 && (
          <ul className="space-y-1 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger">
            {messages.map(([path, message]) => (
              <li key={path}>
                {path && <code className="font-mono text-xs">{path}: </code>}
                {message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <JsonEditor text={text} onChange={onChange} syntaxError={syntaxError} describedBy={`${HINT_ID} ${ERROR_ID}`} onReady={onReady} />
    </section>
  );
}
