// Small pieces every screen uses: a labelled field, an error line, a modal dialog, a confirmation.
import type { ComponentChildren, JSX } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { PersonaMediaError } from "@personamedia/sdk";
import { describe } from "./session.js";

/** A label above its control, the field's own problems below it (tied by aria-describedby). */
export function Field(props: {
  label: string;
  name: string;
  error?: readonly string[] | undefined;
  hint?: string;
  children: (attributes: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => JSX.Element;
}): JSX.Element {
  const id = useId();
  const described = [props.hint !== undefined ? `${id}-hint` : "", props.error !== undefined ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children({ id, name: props.name, ...(described !== "" ? { "aria-describedby": described } : {}), ...(props.error !== undefined ? { "aria-invalid": true } : {}) })}
      {props.hint !== undefined && <small id={`${id}-hint`} class="hint">{props.hint}</small>}
      {props.error !== undefined && <small id={`${id}-error`} class="field-error">{props.error.join(" ")}</small>}
    </div>
  );
}

/** The problem of a failed call: the `detail` for the form, the `errors` for its fields. */
export interface Problem {
  detail: string;
  fields: Readonly<Record<string, readonly string[]>>;
}

export function problemOf(error: unknown): Problem {
  return { detail: describe(error), fields: error instanceof PersonaMediaError ? error.errors ?? {} : {} };
}

export function ErrorMessage({ problem }: { problem: Problem | string | undefined }): JSX.Element | null {
  if (problem === undefined) return null;
  return <p class="error" role="alert">{typeof problem === "string" ? problem : problem.detail}</p>;
}

/** A modal `<dialog>`: focus moves into it, Escape closes it, the page behind is inert. */
export function Modal(props: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return undefined;
    if (!dialog.open) dialog.showModal();
    const closed = (): void => onClose.current();
    dialog.addEventListener("close", closed);
    return () => {
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={titleId} class={props.wide === true ? "wide" : undefined}>
      <header class="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" class="icon" aria-label="Close" onClick={() => ref.current?.close()}>×</button>
      </header>
      {props.children}
    </dialog>
  );
}

interface Question {
  title: string;
  message: string;
  confirm: string;
  answer: (yes: boolean) => void;
}

/** `ask(...)` shows a confirmation and resolves to the answer; render `element` somewhere. */
export function useConfirm(): { element: JSX.Element | null; ask: (title: string, message: string, confirm: string) => Promise<boolean> } {
  const [question, setQuestion] = useState<Question | undefined>(undefined);
  const ask = (title: string, message: string, confirm: string): Promise<boolean> =>
    new Promise((resolve) => setQuestion({ title, message, confirm, answer: resolve }));
  const answer = (yes: boolean): void => {
    question?.answer(yes);
    setQuestion(undefined);
  };
  const element = question === undefined ? null : (
    <Modal title={question.title} onClose={() => answer(false)}>
      <p>{question.message}</p>
      <div class="actions">
        <button type="button" onClick={() => answer(false)} autofocus>Cancel</button>
        <button type="button" class="danger" onClick={() => answer(true)}>{question.confirm}</button>
      </div>
    </Modal>
  );
  return { element, ask };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
