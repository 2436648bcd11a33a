// Personas: the list with a form to add one, and one persona's page (edit, delete with
// confirmation, its uploads and its gallery).
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Persona, PersonaRequest } from "@personamedia/sdk";
import { session } from "./session.js";
import { ErrorMessage, Field, formatDate, problemOf, useConfirm, type Problem } from "./ui.js";
import { Uploads } from "./uploads.js";
import { Gallery } from "./gallery.js";

export function PersonasView(): JSX.Element {
  const [personas, setPersonas] = useState<Persona[] | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const load = (): void => {
    session.call((client) => client.personas.list()).then(setPersonas, (error: unknown) => setProblem(problemOf(error)));
  };
  useEffect(load, []);

  return (
    <main id="main" tabIndex={-1}>
      <h1>Personas</h1>
      <ErrorMessage problem={problem} />
      <section aria-labelledby="persona-list-title">
        <h2 id="persona-list-title">Your personas</h2>
        {personas === undefined ? (
          <p role="status">Loading…</p>
        ) : personas.length === 0 ? (
          <p>No personas yet: add the first one below.</p>
        ) : (
          <ul class="persona-list">
            {personas.map((persona) => (
              <li key={persona.id}>
                <a href={`#/personas/${persona.id}`} class="persona-card">
                  <strong>{persona.name}</strong>
                  {persona.relation_type !== null && <span class="tag">{persona.relation_type}</span>}
                  {persona.description !== null && <span class="muted">{persona.description}</span>}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="persona-new-title" class="card">
        <h2 id="persona-new-title">Add a persona</h2>
        <PersonaForm
          submitLabel="Add persona"
          onSubmit={async (body) => {
            await session.call((client) => client.personas.create(body));
            load();
          }}
        />
      </section>
    </main>
  );
}

/** The persona's fields; clears itself after a successful add (no `initial`). */
function PersonaForm(props: { initial?: Persona; submitLabel: string; onSubmit: (body: PersonaRequest) => Promise<void>; onCancel?: () => void }): JSX.Element {
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const optional = (name: string): string | null => {
      const value = String(form.get(name) ?? "").trim();
      return value === "" ? null : value;
    };
    setBusy(true);
    setProblem(undefined);
    try {
      await props.onSubmit({ name: String(form.get("name") ?? "").trim(), relation_type: optional("relation_type"), description: optional("description") });
      if (props.initial === undefined) element.reset();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="persona-form">
      <Field label="Name" name="name" error={problem?.fields["name"]}>
        {(a) => <input {...a} type="text" required maxLength={100} defaultValue={props.initial?.name} />}
      </Field>
      <Field label="Relation (optional)" name="relation_type" error={problem?.fields["relation_type"]} hint="For example family, friend.">
        {(a) => <input {...a} type="text" maxLength={50} defaultValue={props.initial?.relation_type ?? undefined} />}
      </Field>
      <Field label="Description (optional)" name="description" error={problem?.fields["description"]}>
        {(a) => <textarea {...a} maxLength={2000} rows={2} defaultValue={props.initial?.description ?? undefined} />}
      </Field>
      <ErrorMessage problem={problem} />
      <div class="actions">
        {props.onCancel !== undefined && <button type="button" onClick={props.onCancel}>Cancel</button>}
        <button type="submit" class="primary" disabled={busy}>{props.submitLabel}</button>
      </div>
    </form>
  );
}

export function PersonaView({ id }: { id: number }): JSX.Element {
  const [persona, setPersona] = useState<Persona | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [galleryVersion, setGalleryVersion] = useState(0);
  const confirm = useConfirm();

  useEffect(() => {
    setPersona(undefined);
    setProblem(undefined);
    session.call((client) => client.personas.get(id)).then(setPersona, (error: unknown) => setProblem(problemOf(error)));
  }, [id]);

  if (persona === undefined) {
    return (
      <main id="main" tabIndex={-1}>
        <p><a href="#/personas">← All personas</a></p>
        {problem === undefined ? <p role="status">Loading…</p> : <ErrorMessage problem={problem} />}
      </main>
    );
  }

  const remove = async (): Promise<void> => {
    const yes = await confirm.ask(`Delete ${persona.name}?`, `${persona.name} and every photo and video of this persona will be deleted. This cannot be undone.`, "Delete persona");
    if (!yes) return;
    try {
      await session.call((client) => client.personas.delete(persona.id));
      window.location.hash = "#/personas";
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <main id="main" tabIndex={-1}>
      <p><a href="#/personas">← All personas</a></p>
      <div class="persona-head">
        <div>
          <h1>{persona.name}</h1>
          <p class="muted">
            {persona.relation_type ?? "No relation given"} · added {formatDate(persona.created_at)}
          </p>
          {persona.description !== null && <p>{persona.description}</p>}
        </div>
        {!editing && (
          <div class="actions">
            <button type="button" onClick={() => setEditing(true)}>Edit persona</button>
            <button type="button" class="danger" onClick={() => void remove()}>Delete persona</button>
          </div>
        )}
      </div>
      <ErrorMessage problem={problem} />
      {editing && (
        <section aria-labelledby="persona-edit-title" class="card">
          <h2 id="persona-edit-title">Edit {persona.name}</h2>
          <PersonaForm
            initial={persona}
            submitLabel="Save persona"
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              setPersona(await session.call((client) => client.personas.update(persona.id, body)));
              setEditing(false);
            }}
          />
        </section>
      )}
      <Uploads personaId={persona.id} onUploaded={() => setGalleryVersion((v) => v + 1)} />
      <Gallery personaId={persona.id} version={galleryVersion} />
      {confirm.element}
    </main>
  );
}
