"use client";

import { indentWithTab } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { setDiagnostics } from "@codemirror/lint";
import { Annotation, EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

export interface JsonSyntaxError {
  message: string;
  line: number;
  column: number;
  offset: number;
}

export interface JsonEditorHandle {
  /** Puts the cursor at `offset` (or keeps it) and focuses the editor. */
  focus: (offset?: number) => void;
}

export interface JsonEditorProps {
  text: string;
  onChange: (text: string) => void;
  syntaxError: JsonSyntaxError | undefined;
  /** Ids of the hint and error the editor's text box is described by. */
  describedBy: string;
  onReady: (handle: JsonEditorHandle) => void;
}

/** Marks the text replaced from outside (a form edit), which is not the person typing here. */
const fromOutside = Annotation.define<boolean>();

const theme = EditorView.theme({
  "&": { fontSize: "13px", backgroundColor: "var(--surface)", color: "var(--ink)", height: "100%" },
  ".cm-scroller": { fontFamily: "var(--font-mono, ui-monospace, Menlo, Consolas, monospace)", overflow: "auto" },
  ".cm-gutters": { backgroundColor: "var(--surface-sunken)", color: "var(--ink-muted)", borderRight: "1px solid var(--line)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--ink)" },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--brand) 7%, transparent)" },
});

/**
 * The draft as JSON in CodeMirror 6. The text it is given replaces its own only when they
 * differ (an edit in the form), so typing is never interrupted. Tab indents; Escape then Tab
 * leaves the editor, as CodeMirror does for keyboard users.
 */
export default function JsonEditor({ text, onChange, syntaxError, describedBy, onReady }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const latest = useRef({ onChange });
  latest.current.onChange = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          json(),
          theme,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": "Task definition JSON", "aria-describedby": describedBy }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(fromOutside))) {
              latest.current.onChange(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    view.current = editor;
    onReady({
      focus(offset) {
        if (offset !== undefined) editor.dispatch({ selection: { anchor: Math.min(offset, editor.state.doc.length) }, scrollIntoView: true });
        editor.focus();
      },
    });
    return () => editor.destroy();
    // The editor is made once; text and errors reach it through the effects below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, annotations: fromOutside.of(true) });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const diagnostics = syntaxError
      ? [{ from: Math.min(syntaxError.offset, editor.state.doc.length), to: Math.min(syntaxError.offset + 1, editor.state.doc.length), severity: "error" as const, message: syntaxError.message }]
      : [];
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [syntaxError, text]);

  return <div ref={host} id="taskdef-json-host" className="h-[32rem] overflow-hidden rounded-md border border-line lg:h-[calc(100dvh-12rem)] lg:min-h-[28rem]" />;
}
