// Uploads with real progress. fetch reports nothing while a request body is sent, so a browser
// uploads with XMLHttpRequest (its `upload.onprogress` counts what went out), and Node with fetch
// over a body stream that counts what the connection has taken. Both send the same
// multipart/form-data body, built here as one Blob so that its size, and with it the progress's
// total and the Content-Length, is known before the first byte goes out.
import { retryLoop, type Fetch, type RetryOptions } from "./retry.js";

/** How far an upload is: bytes of the request body sent, of its whole size. */
export interface UploadProgress {
  /** Bytes sent so far; never goes down, and ends equal to `total` once everything was sent. */
  loaded: number;
  /** The whole request body: the file and the form's few hundred bytes around it. */
  total: number;
}

export interface Uploader {
  /**
   * Sends `form` to where `request` goes, with its headers (the access token): `request` is the one
   * the typed client built, its body left unread.
   */
  send(request: Request, form: UploadForm, onProgress: ((progress: UploadProgress) => void) | undefined, signal: AbortSignal | undefined): Promise<Response>;
}

export interface UploadForm {
  body: Blob;
  contentType: string;
}

export interface UploaderOptions {
  /** Used in Node (and wherever there is no XMLHttpRequest). */
  fetch: Fetch;
  retry: RetryOptions | false | undefined;
  /** Which way to send; the default takes XMLHttpRequest where there is one (browsers), fetch elsewhere. */
  transport: "xhr" | "fetch" | undefined;
}

/** Bytes read from the file at a time in Node, and so the steps of its progress. */
const chunkSize = 64 * 1024;

export function createUploader(options: UploaderOptions): Uploader {
  const useXhr = (options.transport ?? (typeof XMLHttpRequest === "function" ? "xhr" : "fetch")) === "xhr";
  return {
    send: (request, form, onProgress, signal) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        if (name !== "content-type" && name !== "content-length") {
          headers[name] = value;
        }
      });
      headers["Content-Type"] = form.contentType;
      // Each try sends the body anew (a Blob can be read again), its progress counted from 0 again.
      const attempt = (): Promise<Response> => useXhr
        ? sendWithXhr(request.url, headers, form.body, reporter(form.body.size, onProgress), signal)
        : sendWithFetch(options.fetch, request.url, headers, form.body, reporter(form.body.size, onProgress), signal);
      return options.retry === false ? attempt() : retryLoop(attempt, { method: request.method, signal, headers: request.headers }, options.retry);
    },
  };
}

/**
 * The multipart/form-data body of an upload: the `file` part, then `description` when given, as a
 * browser's FormData would send them (the file name escaped as the HTML standard says).
 */
export function uploadForm(file: Blob, filename: string, description: string | undefined): UploadForm {
  const boundary = `----PersonaMediaFormBoundary${randomHex(16)}`;
  const escape = (value: string): string => value.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
  const type = file.type === "" || /[\r\n]/.test(file.type) ? "application/octet-stream" : file.type;
  const parts: BlobPart[] = [
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escape(filename)}"\r\nContent-Type: ${type}\r\n\r\n`,
    file,
    "\r\n",
  ];
  if (description !== undefined) {
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n`, description.replace(/\r?\n|\r/g, "\r\n"), "\r\n");
  }
  parts.push(`--${boundary}--\r\n`);
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, "0")).join("");
}

type Report = (loaded: number) => void;

/** Calls `onProgress` only when more was sent than last time, and at most up to the total. */
function reporter(total: number, onProgress: ((progress: UploadProgress) => void) | undefined): Report {
  let last = -1;
  return (loaded) => {
    const value = Math.min(total, loaded);
    if (onProgress !== undefined && value > last) {
      last = value;
      onProgress({ loaded: value, total });
    }
  };
}

function sendWithXhr(url: string, headers: Record<string, string>, body: Blob, report: Report, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = (): void => xhr.abort();
    const done = (): void => signal?.removeEventListener("abort", abort);
    xhr.open("POST", url);
    xhr.responseType = "text";
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => report(event.loaded);
    xhr.upload.onload = () => report(body.size);
    xhr.onload = () => {
      done();
      const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: parseHeaders(xhr.getAllResponseHeaders()) }));
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError(`Network request to ${url} failed`));
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException("The upload was aborted.", "AbortError"));
    };
    signal?.addEventListener("abort", abort, { once: true });
    xhr.send(body);
  });
}

/** `getAllResponseHeaders()`'s lines as Headers. */
function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
  }
  return headers;
}

async function sendWithFetch(fetcher: Fetch, url: string, headers: Record<string, string>, body: Blob, report: Report, signal: AbortSignal | undefined): Promise<Response> {
  signal?.throwIfAborted();
  report(0);
  let offset = 0;
  // highWaterMark 0: nothing is read ahead, so a chunk is asked for only once the connection took
  // the one before it; what was asked for is what was sent.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      report(offset);
      if (offset >= body.size) {
        controller.close();
        return;
      }
      const end = Math.min(body.size, offset + chunkSize);
      const chunk = new Uint8Array(await body.slice(offset, end).arrayBuffer());
      offset = end;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  // `duplex: "half"` is how fetch takes a stream as a body (Node's types do not list it yet).
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { ...headers, "Content-Length": String(body.size) },
    body: stream,
    duplex: "half",
    signal: signal ?? null,
  };
  return fetcher(new Request(url, init));
}
