// The viewer: the original image, or the video with its controls (the browser seeks with Range
// requests), from a signed URL that needs no token; the description can be edited and the file deleted.
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MediaFile } from "@personamedia/sdk";
import { session } from "./session.js";
import { ErrorMessage, Field, formatBytes, formatDate, formatDuration, Modal, problemOf, useConfirm, type Problem } from "./ui.js";

/** Long enough to watch a video to its end; the service allows at most 3600 s. */
const urlLifetimeSeconds = 3600;

export function Viewer(props: { file: MediaFile; onClose: () => void; onChanged: (file: MediaFile) => void; onDeleted: () => void }): JSX.Element {
  const { file } = props;
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();

  useEffect(() => {
    const controller = new AbortController();
    session
      .call((client) => client.media.url(file.id, { expiresIn: urlLifetimeSeconds, signal: controller.signal }))
      .then(({ url: signed }) => setUrl(signed), (error: unknown) => { if (!controller.signal.aborted) setProblem(problemOf(error)); });
    return () => controller.abort();
  }, [file.id]);

  const save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget as HTMLFormElement).get("description") ?? "").trim();
    setBusy(true);
    setProblem(undefined);
    setSaved(false);
    try {
      props.onChanged(await session.call((client) => client.media.updateDescription(file.id, text === "" ? null : text)));
      setSaved(true);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (!(await confirm.ask(`Delete ${file.original_filename}?`, "The file and its bytes will be deleted. This cannot be undone.", "Delete file"))) return;
    try {
      await session.call((client) => client.media.delete(file.id));
      props.onDeleted();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const name = file.original_filename;
  return (
    <Modal title={name} onClose={props.onClose} wide>
      <div class="viewer">
        <div class="stage">
          {url === undefined ? (
            <p role="status">Loading…</p>
          ) : file.media_type === "video" ? (
            <video src={url} controls preload="metadata" aria-label={`Video ${name}`} data-testid="viewer-video" />
          ) : (
            <img src={url} alt={file.description ?? name} data-testid="viewer-image" />
          )}
        </div>
        <div class="facts">
          <dl>
            <dt>Size</dt>
            <dd>{formatBytes(file.file_size)}</dd>
            {file.width !== null && file.height !== null && (<><dt>Dimensions</dt><dd>{file.width} × {file.height}</dd></>)}
            {file.duration_seconds !== null && (<><dt>Duration</dt><dd>{formatDuration(file.duration_seconds)}</dd></>)}
            <dt>Added</dt>
            <dd>{formatDate(file.created_at)}</dd>
            {file.metadata_removed !== null && file.metadata_removed.length > 0 && (<><dt>Removed for privacy</dt><dd>{file.metadata_removed.join(", ")}</dd></>)}
          </dl>
          <form onSubmit={save}>
            <Field label="Description" name="description" error={problem?.fields["description"]}>
              {(a) => <textarea {...a} maxLength={1000} rows={3} defaultValue={file.description ?? ""} key={file.updated_at} />}
            </Field>
            <div class="actions">
              <button type="submit" class="primary" disabled={busy}>Save description</button>
              <button type="button" class="danger" onClick={() => void remove()}>Delete file</button>
            </div>
            {saved && <p role="status" class="notice">Description saved.</p>}
          </form>
          <ErrorMessage problem={problem} />
        </div>
      </div>
      {confirm.element}
    </Modal>
  );
}
