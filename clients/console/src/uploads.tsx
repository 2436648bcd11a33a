// Uploads: files dropped on the area (or chosen with the button), several at once, each with its
// progress bar and its cancel button; a refusal shows the service's `detail` beside its file.
import type { JSX } from "preact";
import { useRef, useState } from "preact/hooks";
import type { MediaFile, UploadOptions, UploadProgress } from "@personamedia/sdk";
import { describe, session } from "./session.js";
import { formatBytes } from "./ui.js";

/** Uploads sent at once; the rest wait their turn. */
const parallel = 3;

type State = "queued" | "uploading" | "done" | "refused" | "cancelled";

interface Item {
  key: number;
  file: File;
  state: State;
  /** Bytes of the body sent so far, and the body's size (the file plus its multipart framing). */
  loaded: number;
  total: number;
  detail: string | undefined;
  controller: AbortController;
}

let nextKey = 1;

/** `.mp4` goes to the video endpoint, anything else to the image one (which refuses what it is not). */
function isVideo(file: File): boolean {
  return file.type === "video/mp4" || /\.mp4$/i.test(file.name);
}

export function Uploads({ personaId, onUploaded }: { personaId: number; onUploaded: (file: MediaFile) => void }): JSX.Element {
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const running = useRef(0);
  const queue = useRef<Item[]>([]);

  const update = (key: number, change: Partial<Item>): void =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const start = (item: Item): void => {
    running.current++;
    update(item.key, { state: "uploading" });
    // The SDK reports the request body's bytes as they leave (XMLHttpRequest's upload events in a
    // browser); the signal aborts the request, and the service keeps nothing of it.
    const options: UploadOptions = {
      signal: item.controller.signal,
      onProgress: ({ loaded, total }: UploadProgress) => update(item.key, { loaded, total }),
    };
    const sent = session.call((client) => (isVideo(item.file)
      ? client.media.uploadVideo(personaId, item.file, options)
      : client.media.uploadImage(personaId, item.file, options)));
    sent.then(
      (media) => {
        update(item.key, { state: "done", loaded: item.file.size, total: item.file.size, detail: undefined });
        onUploaded(media);
      },
      (error: unknown) => {
        const cancelled = item.controller.signal.aborted;
        update(item.key, { state: cancelled ? "cancelled" : "refused", detail: cancelled ? undefined : describe(error) });
      },
    ).finally(() => {
      running.current--;
      pump();
    });
  };

  const pump = (): void => {
    while (running.current < parallel && queue.current.length > 0) {
      const item = queue.current.shift();
      if (item !== undefined && !item.controller.signal.aborted) start(item);
    }
  };

  const add = (files: FileList | readonly File[] | null): void => {
    if (files === null || files.length === 0) return;
    const added = [...files].map<Item>((file) => ({ key: nextKey++, file, state: "queued", loaded: 0, total: file.size, detail: undefined, controller: new AbortController() }));
    setItems((current) => [...added, ...current]);
    queue.current.push(...added);
    pump();
  };

  const cancel = (item: Item): void => {
    item.controller.abort();
    if (item.state === "queued") update(item.key, { state: "cancelled" });
  };

  const finished = items.filter((item) => item.state !== "queued" && item.state !== "uploading");

  return (
    <section aria-labelledby="uploads-title" class="card">
      <h2 id="uploads-title">Add photos and videos</h2>
      <div
        class={dragging ? "dropzone dragging" : "dropzone"}
        data-testid="dropzone"
        onDragEnter={(event) => { event.preventDefault(); setDragging(true); }}
        onDragOver={(event) => { event.preventDefault(); if (event.dataTransfer !== null) event.dataTransfer.dropEffect = "copy"; }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          add(event.dataTransfer?.files ?? null);
        }}
      >
        <p>Drop JPEG, PNG or MP4 files here (up to 10 MiB each), or</p>
        <button type="button" class="primary" onClick={() => input.current?.click()}>Choose files…</button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".jpg,.jpeg,.png,.mp4,image/jpeg,image/png,video/mp4"
          class="visually-hidden"
          aria-label="Files to upload"
          tabIndex={-1}
          onChange={(event) => {
            const target = event.currentTarget;
            add(target.files === null ? null : [...target.files]);
            target.value = "";
          }}
        />
      </div>
      {items.length > 0 && (
        <>
          <ul class="uploads" aria-label="Uploads">
            {items.map((item) => <UploadRow key={item.key} item={item} onCancel={() => cancel(item)} />)}
          </ul>
          {finished.length > 0 && (
            <button type="button" class="link" onClick={() => setItems((current) => current.filter((item) => item.state === "queued" || item.state === "uploading"))}>
              Clear finished
            </button>
          )}
        </>
      )}
    </section>
  );
}

function UploadRow({ item, onCancel }: { item: Item; onCancel: () => void }): JSX.Element {
  const percent = item.total > 0 ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
  const status = {
    queued: "Waiting",
    uploading: `Uploading, ${percent}%`,
    done: "Uploaded",
    refused: "Refused",
    cancelled: "Cancelled",
  }[item.state];
  const active = item.state === "queued" || item.state === "uploading";
  return (
    <li class={`upload ${item.state}`} data-state={item.state}>
      <div class="upload-name">
        <span class="filename">{item.file.name}</span>
        <span class="muted"> {formatBytes(item.file.size)}</span>
      </div>
      <progress
        max={100}
        value={item.state === "done" ? 100 : percent}
        aria-label={`Upload of ${item.file.name}`}
        aria-valuetext={status}
      />
      <div class="upload-status" role="status">
        <span>{status}</span>
        {item.detail !== undefined && <span class="refusal">: {item.detail}</span>}
      </div>
      {active && (
        <button type="button" onClick={onCancel} aria-label={`Cancel upload of ${item.file.name}`}>Cancel</button>
      )}
    </li>
  );
}
