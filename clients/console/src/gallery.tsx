// A persona's gallery: one page of files at a time (the total from X-Total-Count), each image as its
// 160 px thumbnail, loaded only when its tile comes near the screen; a tile opens the viewer.
import type { JSX } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { MediaFile, MediaType } from "@personamedia/sdk";
import { session } from "./session.js";
import { ErrorMessage, formatDuration, problemOf, type Problem } from "./ui.js";
import { Viewer } from "./viewer.js";

export const pageSize = 24;

export function Gallery({ personaId, version }: { personaId: number; version: number }): JSX.Element {
  const [page, setPage] = useState(0);
  const [filter, setFilter] = useState<MediaType | "all">("all");
  const [files, setFiles] = useState<{ items: MediaFile[]; total: number; page: number } | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [open, setOpen] = useState<MediaFile | undefined>(undefined);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setProblem(undefined);
    session
      .call((client) => client.media.list(personaId, {
        limit: pageSize,
        offset: page * pageSize,
        ...(filter === "all" ? {} : { mediaType: filter }),
        signal: controller.signal,
      }))
      .then((result) => {
        // A page emptied by deletes: step back to the last page that has files.
        if (result.items.length === 0 && page > 0) setPage(Math.max(0, Math.ceil(result.total / pageSize) - 1));
        setFiles({ items: result.items, total: result.total, page });
      }, (error: unknown) => {
        if (!controller.signal.aborted) setProblem(problemOf(error));
      });
    return () => controller.abort();
  }, [personaId, page, filter, version, reload]);

  const pages = files === undefined ? 1 : Math.max(1, Math.ceil(files.total / pageSize));
  return (
    <section aria-labelledby="gallery-title" class="card">
      <div class="gallery-head">
        <h2 id="gallery-title">Gallery</h2>
        <label class="inline">
          Show{" "}
          <select value={filter} onChange={(event) => { setFilter(event.currentTarget.value as MediaType | "all"); setPage(0); }}>
            <option value="all">Photos and videos</option>
            <option value="image">Photos</option>
            <option value="video">Videos</option>
          </select>
        </label>
      </div>
      <ErrorMessage problem={problem} />
      {files === undefined ? (
        <p role="status">Loading…</p>
      ) : files.total === 0 ? (
        <p>Nothing here yet.</p>
      ) : (
        <>
          <p class="muted" role="status">{files.total} {files.total === 1 ? "file" : "files"}</p>
          <ul class="grid" aria-label={`Files, page ${files.page + 1} of ${pages}`} aria-busy={files.page !== page}>
            {files.items.map((file) => (
              <li key={file.id}>
                <button type="button" class="tile" onClick={() => setOpen(file)}>
                  <span class="visually-hidden">Open </span>
                  {file.media_type === "image" ? <Thumbnail file={file} /> : <VideoTile file={file} />}
                  <span class="tile-name">{file.description ?? file.original_filename}</span>
                  <span class="visually-hidden">
                    {file.description !== null ? `, ${file.original_filename}` : ""} ({file.media_type === "video" ? "video" : "photo"})
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav class="pager" aria-label="Gallery pages">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous page</button>
              <span>Page {files.page + 1} of {pages}</span>
              <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next page</button>
            </nav>
          )}
        </>
      )}
      {open !== undefined && (
        <Viewer
          file={open}
          onClose={() => setOpen(undefined)}
          onChanged={(changed) => {
            setFiles((current) => current === undefined ? current : { ...current, items: current.items.map((item) => (item.id === changed.id ? changed : item)) });
            setOpen(changed);
          }}
          onDeleted={() => { setOpen(undefined); setReload((r) => r + 1); }}
        />
      )}
    </section>
  );
}

/**
 * The 160 px thumbnail, asked for only once the tile is within a screen of the viewport
 * (IntersectionObserver), through the SDK with the bearer token, and shown from an object URL that
 * is released when the tile goes away.
 */
function Thumbnail({ file }: { file: MediaFile }): JSX.Element {
  const tile = useRef<HTMLSpanElement>(null);
  const [src, setSrc] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const hasThumbnail = file.thumbnails?.["160"] !== undefined;

  useEffect(() => {
    const element = tile.current;
    if (element === null || !hasThumbnail) return undefined;
    const controller = new AbortController();
    let url: string | undefined;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      session
        .call((client) => client.media.thumbnail(file.id, 160, { signal: controller.signal }))
        .then((thumbnail) => {
          if (thumbnail.notModified) return;
          url = URL.createObjectURL(thumbnail.blob);
          setSrc(url);
        })
        .catch(() => {
          if (!controller.signal.aborted) setFailed(true);
        });
    }, { rootMargin: "100% 0px" });
    observer.observe(element);
    return () => {
      observer.disconnect();
      controller.abort();
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [file.id, hasThumbnail]);

  const size = file.thumbnails?.["160"];
  return (
    <span ref={tile} class="thumb">
      {src !== undefined ? (
        <img src={src} alt="" width={size?.width} height={size?.height} data-file-id={file.id} />
      ) : (
        <span class="placeholder" aria-hidden="true">{failed || !hasThumbnail ? "No preview" : ""}</span>
      )}
    </span>
  );
}

function VideoTile({ file }: { file: MediaFile }): JSX.Element {
  return (
    <span class="thumb video" aria-hidden="true">
      <span class="play">▶</span>
      {file.duration_seconds !== null && <span class="duration">{formatDuration(file.duration_seconds)}</span>}
    </span>
  );
}
