import createClient, { type Client } from "openapi-fetch";
import type { components, operations, paths } from "./generated/api.js";
import { PersonaMediaError } from "./errors.js";
import { retrying, type RetryOptions } from "./retry.js";
import { createUploader, uploadForm, type Uploader, type UploadForm, type UploadProgress } from "./upload.js";

type Schemas = components["schemas"];
export type TokenResponse = Schemas["TokenResponse"];
export type User = Schemas["User"];
export type RegisterRequest = Schemas["RegisterRequest"];
export type LoginRequest = Schemas["LoginRequest"];
export type Persona = Schemas["Persona"];
export type PersonaRequest = Schemas["PersonaRequest"];
export type MediaFile = Schemas["MediaFile"];
export type MediaType = Schemas["MediaType"];
export type MediaFileUrl = Schemas["MediaFileUrl"];
export type UploadStats = Schemas["UploadStats"];
export type DetailResponse = Schemas["DetailResponse"];
export type HealthResponse = Schemas["HealthResponse"];
export type RefreshTokenRequest = Schemas["RefreshTokenRequest"];
export type ChangePasswordRequest = Schemas["ChangePasswordRequest"];

export interface PersonaMediaClientOptions {
  /** Where the service is, for example `http://localhost:8000`. */
  baseUrl: string;
  /** An access token to start with; `auth.register` and `auth.login` set one too. */
  accessToken?: string;
  /** A fetch of your own (tests, a proxy); the platform's by default. */
  fetch?: (input: Request) => Promise<Response>;
  /**
   * Tries again where that is safe: 429 and 503 (the service changed nothing) after their
   * Retry-After, and GET/HEAD that got no answer, with backoff. `false` turns it off. Default: 2 more tries.
   */
  retry?: RetryOptions | false;
  /**
   * How uploads are sent: `"xhr"` (XMLHttpRequest, the default where there is one, as in browsers:
   * fetch reports no upload progress there) or `"fetch"` (the default elsewhere, as in Node: a body
   * stream that counts what the connection took). `options.fetch` is used for `"fetch"` only.
   */
  uploadTransport?: "xhr" | "fetch";
}

export interface UploadOptions {
  /**
   * The file name the service sees; its extension decides what is accepted (`.jpg`, `.jpeg`,
   * `.png` for images, `.mp4` for videos). A `File`'s own name when left out; a plain `Blob` needs it.
   */
  filename?: string;
  /** Shown with the file, at most 1000 characters. */
  description?: string;
  /**
   * Called as the request body goes out: bytes sent and the body's size (the file plus a few
   * hundred bytes of form). Never goes down; the last call has `loaded === total` once all was
   * sent. A try again after a 429 or 503 counts from 0 again.
   */
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Sent as `Idempotency-Key`: the same key with the same file gives the first upload's answer
   * again instead of a second file; with another file a 422. With one, an upload that got no
   * answer (a dropped connection) is sent again like a GET.
   */
  idempotencyKey?: string;
  /** Aborts the upload, also midway: the service keeps nothing of it. */
  signal?: AbortSignal;
}

export interface ListOptions {
  mediaType?: MediaType;
  /** 1-100, 100 when left out. */
  limit?: number;
  offset?: number;
  /** Each file also carries `download_url`, a signed URL for `<img src>` or `<video src>`. */
  includeUrls?: boolean;
  signal?: AbortSignal;
}

/** One page of a persona's files: the total counts every file that matches the filter. */
export interface Page {
  items: MediaFile[];
  total: number;
  /** The next page, from the `Link` header; undefined on the last page. */
  next: ListOptions | undefined;
}

export interface DownloadOptions {
  /** `{ start, end }` (inclusive; `end` left out: to the last byte) or `{ suffix }` for the last bytes. */
  range?: { start: number; end?: number } | { suffix: number };
  /** An ETag you hold: the answer is `notModified` while the bytes are the same. */
  ifNoneMatch?: string;
  signal?: AbortSignal;
}

export type Download =
  | {
      notModified: false;
      /** 206 when a range was asked for. */
      status: 200 | 206;
      blob: Blob;
      contentType: string;
      etag: string | undefined;
      lastModified: Date | undefined;
      /** The original file name, from Content-Disposition. */
      filename: string | undefined;
      /** `bytes a-b/size` on a 206. */
      contentRange: string | undefined;
    }
  | { notModified: true; status: 304; etag: string | undefined; lastModified: Date | undefined };

/** What a HEAD of the bytes says, without them. */
export interface Head {
  /** 206 when a range was asked for, 304 for a held ETag that still matches. */
  status: 200 | 206 | 304;
  contentType: string | undefined;
  /** Of the whole file on a 200, of the range on a 206. */
  contentLength: number | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
  filename: string | undefined;
  contentRange: string | undefined;
  /** `bytes` when ranges are served. */
  acceptRanges: string | undefined;
}

/** A thumbnail's long side in pixels: the presets listed in a file's `thumbnails`. */
export type ThumbnailSize = operations["getThumbnail"]["parameters"]["query"]["size"];

export interface ThumbnailOptions {
  /** The thumbnail's ETag you hold: the answer is `notModified` while it is the same. */
  ifNoneMatch?: string;
  signal?: AbortSignal;
}

export type ThumbnailImage =
  | { notModified: false; blob: Blob; contentType: string; etag: string | undefined }
  | { notModified: true; etag: string | undefined };

/** The service's health: 200 with `status` and, on readiness, each check's state. */
export interface Readiness extends HealthResponse {
  /** False on a 503: a dependency (the database, the file store) is not reachable. */
  ready: boolean;
}

export interface IfMatchOptions {
  /** The ETag you read: the change is refused with a 412 when someone changed it since. */
  ifMatch?: string;
  signal?: AbortSignal;
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** The data of a success; a PersonaMediaError with the problem for anything else. */
function unwrap<T>({ data, error, response }: Outcome<T>): T {
  if (!response.ok || data === undefined) {
    throw new PersonaMediaError(response, error);
  }
  return data;
}

/**
 * PersonaMedia for a front-end or a Node program. The groups cover what an app does every day;
 * `api` is the generated client with every operation of the contract, typed (openapi-fetch), for
 * the rest. The access token is sent with every request once `auth.register`, `auth.login` or
 * `setAccessToken` gave one.
 */
export class PersonaMediaClient {
  /** Every operation of docs/openapi/v1.json, typed; sends the access token too. */
  readonly api: Client<paths>;
  readonly auth: AuthApi;
  readonly personas: PersonasApi;
  readonly media: MediaApi;
  readonly health: HealthApi;
  private accessToken: string | undefined;
  private refreshToken: string | undefined;

  constructor(options: PersonaMediaClientOptions) {
    this.accessToken = options.accessToken;
    const fetcher = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.api = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.retry === false ? fetcher : retrying(fetcher, options.retry) });
    this.api.use({
      onRequest: ({ request, schemaPath }) => {
        // A signed URL is its own credential: it goes without the token, as an <img src> would.
        if (this.accessToken !== undefined && !request.headers.has("Authorization") && !schemaPath.startsWith("/media/")) {
          request.headers.set("Authorization", `Bearer ${this.accessToken}`);
        }
        return request;
      },
    });
    this.auth = new AuthApi(this.api, {
      keep: (token) => {
        this.accessToken = token.access_token;
        this.refreshToken = token.refresh_token;
      },
      forget: () => {
        this.accessToken = undefined;
        this.refreshToken = undefined;
      },
      refreshToken: () => this.refreshToken,
    });
    this.health = new HealthApi(this.api, fetcher);
    this.personas = new PersonasApi(this.api);
    this.media = new MediaApi(this.api, createUploader({
      fetch: fetcher,
      retry: options.retry,
      transport: options.uploadTransport,
    }));
  }

  /** Sends this token from now on (undefined: none). */
  setAccessToken(token: string | undefined): void {
    this.accessToken = token;
  }

  getAccessToken(): string | undefined {
    return this.accessToken;
  }

  /** The refresh token of the last register, login, refresh or password change (`auth.refresh` sends it). */
  getRefreshToken(): string | undefined {
    return this.refreshToken;
  }

  /** Keeps a refresh token you stored (for example across a page reload) for `auth.refresh`. */
  setRefreshToken(token: string | undefined): void {
    this.refreshToken = token;
  }
}

interface Tokens {
  keep(token: TokenResponse): void;
  forget(): void;
  refreshToken(): string | undefined;
}

export class AuthApi {
  constructor(
    private readonly api: Client<paths>,
    private readonly tokens: Tokens,
  ) {}

  /** Creates the account and signs in: its tokens are used from now on. A 409 when the email or username is taken. */
  async register(body: RegisterRequest, signal?: AbortSignal): Promise<TokenResponse> {
    return this.kept(unwrap(await this.api.POST("/auth/register", { body, signal })));
  }

  /** Signs in: the tokens are used from now on. A 401 for an unknown email or a wrong password alike. */
  async login(body: LoginRequest, signal?: AbortSignal): Promise<TokenResponse> {
    return this.kept(unwrap(await this.api.POST("/auth/login", { body, signal })));
  }

  /**
   * A new token pair for the refresh token kept from the last sign-in (or the one given); the one
   * sent is used up. A 401 when it is unknown, used, revoked or expired: sign in again.
   */
  async refresh(refreshToken: string | undefined = this.tokens.refreshToken(), signal?: AbortSignal): Promise<TokenResponse> {
    if (refreshToken === undefined) {
      throw new TypeError("No refresh token: sign in first, or pass the one you kept.");
    }
    return this.kept(unwrap(await this.api.POST("/auth/refresh", { body: { refresh_token: refreshToken }, signal })));
  }

  /**
   * Ends the session of the kept refresh token (or the one given) and forgets the tokens here; the
   * access token in hand stays valid on the service until it expires.
   */
  async logout(refreshToken: string | undefined = this.tokens.refreshToken(), signal?: AbortSignal): Promise<DetailResponse> {
    if (refreshToken === undefined) {
      throw new TypeError("No refresh token: sign in first, or pass the one you kept.");
    }
    const answer = unwrap(await this.api.POST("/auth/logout", { body: { refresh_token: refreshToken }, signal }));
    this.tokens.forget();
    return answer;
  }

  /**
   * Changes the password (a 400 naming `current_password` when it is wrong). Every session ends,
   * this one too: the new token pair in the answer is kept and used from now on.
   */
  async changePassword(body: ChangePasswordRequest, signal?: AbortSignal): Promise<TokenResponse> {
    return this.kept(unwrap(await this.api.POST("/auth/password", { body, signal })));
  }

  async me(signal?: AbortSignal): Promise<User> {
    return unwrap(await this.api.GET("/auth/me", { signal }));
  }

  private kept(token: TokenResponse): TokenResponse {
    this.tokens.keep(token);
    return token;
  }
}

/** Health checks, for a status page or a load balancer's probe; they need no token. */
export class HealthApi {
  constructor(
    private readonly api: Client<paths>,
    private readonly once: (request: Request) => Promise<Response>,
  ) {}

  /** Whether the service is up. */
  async get(signal?: AbortSignal): Promise<HealthResponse> {
    return unwrap(await this.api.GET("/health", { signal }));
  }

  /** Liveness: the process answers. */
  async live(signal?: AbortSignal): Promise<HealthResponse> {
    return unwrap(await this.api.GET("/health/live", { signal }));
  }

  /** Readiness, with each check's state: `ready` is false on a 503 (asked once, never tried again). */
  async ready(signal?: AbortSignal): Promise<Readiness> {
    const { data, error, response } = await this.api.GET("/health/ready", { signal, fetch: this.once });
    if (response.status === 503 && isHealth(error)) {
      return { ...error, ready: false };
    }
    return { ...unwrap({ data, error, response }), ready: true };
  }
}

function isHealth(body: unknown): body is HealthResponse {
  return typeof body === "object" && body !== null && "status" in body && typeof body.status === "string";
}

export class PersonasApi {
  constructor(private readonly api: Client<paths>) {}

  async list(signal?: AbortSignal): Promise<Persona[]> {
    return unwrap(await this.api.GET("/personas", { signal }));
  }

  async get(id: number, signal?: AbortSignal): Promise<Persona> {
    return unwrap(await this.api.GET("/personas/{id}", { params: { path: { id } }, signal }));
  }

  async create(body: PersonaRequest, signal?: AbortSignal): Promise<Persona> {
    return unwrap(await this.api.POST("/personas", { body, signal }));
  }

  async update(id: number, body: PersonaRequest, options: IfMatchOptions = {}): Promise<Persona> {
    return unwrap(await this.api.PUT("/personas/{id}", { params: { path: { id } }, body, headers: ifMatch(options), signal: options.signal }));
  }

  /** Removes the persona with its files and their bytes. */
  async delete(id: number, signal?: AbortSignal): Promise<DetailResponse> {
    return unwrap(await this.api.DELETE("/personas/{id}", { params: { path: { id } }, signal }));
  }
}

export class MediaApi {
  constructor(
    private readonly api: Client<paths>,
    private readonly uploader: Uploader,
  ) {}

  /** Uploads a JPEG or PNG (at most 10 MiB) as multipart/form-data, with progress (see UploadOptions). */
  async uploadImage(personaId: number, file: Blob, options: UploadOptions = {}): Promise<MediaFile> {
    const form = uploadForm(file, fileName(file, options.filename), options.description);
    return unwrap(await this.api.POST("/upload/persona/{persona_id}/image", {
      params: { path: { persona_id: personaId } },
      body: { file, description: options.description },
      ...this.sending(form, options),
    }));
  }

  /** Uploads an MP4 (at most 10 MiB) as multipart/form-data, with progress (see UploadOptions). */
  async uploadVideo(personaId: number, file: Blob, options: UploadOptions = {}): Promise<MediaFile> {
    const form = uploadForm(file, fileName(file, options.filename), options.description);
    return unwrap(await this.api.POST("/upload/persona/{persona_id}/video", {
      params: { path: { persona_id: personaId } },
      body: { file, description: options.description },
      ...this.sending(form, options),
    }));
  }

  /**
   * The typed client builds the request (URL, token) and reads the answer; the uploader sends the
   * form itself, by XMLHttpRequest or a counting stream, to report progress.
   */
  private sending(form: UploadForm, options: UploadOptions): { bodySerializer: () => Blob; headers: Record<string, string>; fetch: (request: Request) => Promise<Response>; signal: AbortSignal | undefined } {
    return {
      bodySerializer: () => form.body,
      headers: { "Content-Type": form.contentType, ...(options.idempotencyKey === undefined ? {} : { "Idempotency-Key": options.idempotencyKey }) },
      fetch: (request) => this.uploader.send(request, form, options.onProgress, options.signal),
      signal: options.signal,
    };
  }

  /** One page of a persona's files, newest first. */
  async list(personaId: number, options: ListOptions = {}): Promise<Page> {
    const { data, error, response } = await this.api.GET("/upload/persona/{persona_id}/files", {
      params: {
        path: { persona_id: personaId },
        query: {
          media_type: options.mediaType,
          limit: options.limit,
          offset: options.offset,
          include: options.includeUrls === true ? "urls" : undefined,
        },
      },
      signal: options.signal,
    });
    const items = unwrap({ data, error, response });
    const next = linkTo(response, "next");
    return {
      items,
      total: Number(response.headers.get("X-Total-Count") ?? items.length),
      next: next === undefined ? undefined : pageOf(next, options),
    };
  }

  /** Every file of a persona, newest first, page after page as the `Link` header names them. */
  async *all(personaId: number, options: ListOptions = {}): AsyncGenerator<MediaFile, void, undefined> {
    let page: ListOptions | undefined = options;
    while (page !== undefined) {
      const current: Page = await this.list(personaId, page);
      yield* current.items;
      page = current.next;
    }
  }

  async get(fileId: number, options: { includeUrls?: boolean; signal?: AbortSignal } = {}): Promise<MediaFile> {
    return unwrap(await this.api.GET("/upload/files/{file_id}", {
      params: { path: { file_id: fileId }, query: { include: options.includeUrls === true ? "urls" : undefined } },
      signal: options.signal,
    }));
  }

  /** Sets (or, with null, clears) the description; `updated_at` advances. */
  async updateDescription(fileId: number, description: string | null, options: IfMatchOptions = {}): Promise<MediaFile> {
    const headers = ifMatch(options);
    if (description === null) {
      // The form without its field clears it; the JSON body requires a string.
      return unwrap(await this.api.PUT("/upload/files/{file_id}", {
        params: { path: { file_id: fileId } },
        body: {},
        bodySerializer: () => new URLSearchParams(),
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        signal: options.signal,
      }));
    }
    return unwrap(await this.api.PUT("/upload/files/{file_id}", {
      params: { path: { file_id: fileId } },
      body: { description },
      headers,
      signal: options.signal,
    }));
  }

  /** Removes the file and its bytes. */
  async delete(fileId: number, signal?: AbortSignal): Promise<DetailResponse> {
    return unwrap(await this.api.DELETE("/upload/files/{file_id}", { params: { path: { file_id: fileId } }, signal }));
  }

  /** The file's bytes with what the headers say of them; a range gives a 206, a matching ETag a 304. */
  async download(fileId: number, options: DownloadOptions = {}): Promise<Download> {
    return downloaded(await this.api.GET("/upload/files/{file_id}/download", {
      params: { path: { file_id: fileId } },
      headers: downloadHeaders(options),
      parseAs: "blob",
      signal: options.signal,
    }));
  }

  /** What `download` would say (status, size, type, ETag, ...) without the bytes: a HEAD. */
  async head(fileId: number, options: DownloadOptions = {}): Promise<Head> {
    return headOf(await this.api.HEAD("/upload/files/{file_id}/download", {
      params: { path: { file_id: fileId } },
      headers: downloadHeaders(options),
      signal: options.signal,
    }));
  }

  /**
   * The bytes a signed URL grants (a `url` from `url()` or a file's `download_url`, or its token
   * alone), without the access token: ranges and ETags as with `download`.
   */
  async signedDownload(url: string, options: DownloadOptions = {}): Promise<Download> {
    return downloaded(await this.api.GET("/media/{token}", {
      params: { path: { token: signedToken(url) } },
      headers: downloadHeaders(options),
      parseAs: "blob",
      signal: options.signal,
    }));
  }

  /** What `signedDownload` would say, without the bytes: a HEAD of the signed URL. */
  async signedHead(url: string, options: DownloadOptions = {}): Promise<Head> {
    return headOf(await this.api.HEAD("/media/{token}", {
      params: { path: { token: signedToken(url) } },
      headers: downloadHeaders(options),
      signal: options.signal,
    }));
  }

  /** An image's thumbnail (WebP, orientation applied, no metadata) of a preset size; a matching ETag gives `notModified`. */
  async thumbnail(fileId: number, size: ThumbnailSize, options: ThumbnailOptions = {}): Promise<ThumbnailImage> {
    const { data, error, response } = await this.api.GET("/upload/files/{file_id}/thumbnail", {
      params: { path: { file_id: fileId }, query: { size } },
      headers: options.ifNoneMatch === undefined ? {} : { "If-None-Match": options.ifNoneMatch },
      parseAs: "blob",
      signal: options.signal,
    });
    const etag = response.headers.get("ETag") ?? undefined;
    if (response.status === 304) {
      return { notModified: true, etag };
    }
    const blob = unwrap({ data, error, response });
    return { notModified: false, blob, contentType: response.headers.get("Content-Type") ?? blob.type, etag };
  }

  /** A signed URL of the bytes that needs no token (for `<img src>`), and when it expires. */
  async url(fileId: number, options: { disposition?: "inline" | "attachment"; expiresIn?: number; signal?: AbortSignal } = {}): Promise<MediaFileUrl> {
    return unwrap(await this.api.GET("/upload/files/{file_id}/url", {
      params: { path: { file_id: fileId }, query: { disposition: options.disposition, expires_in: options.expiresIn } },
      signal: options.signal,
    }));
  }

  /** The caller's usage: counts and bytes, per persona too. */
  async stats(signal?: AbortSignal): Promise<UploadStats> {
    return unwrap(await this.api.GET("/upload/stats", { signal }));
  }
}

function downloadHeaders(options: DownloadOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.range !== undefined) {
    headers["Range"] = "suffix" in options.range
      ? `bytes=-${options.range.suffix}`
      : `bytes=${options.range.start}-${options.range.end ?? ""}`;
  }
  if (options.ifNoneMatch !== undefined) {
    headers["If-None-Match"] = options.ifNoneMatch;
  }
  return headers;
}

function downloaded({ data, error, response }: Outcome<Blob>): Download {
  const etag = response.headers.get("ETag") ?? undefined;
  const lastModified = httpDate(response.headers.get("Last-Modified"));
  if (response.status === 304) {
    return { notModified: true, status: 304, etag, lastModified };
  }
  const blob = unwrap({ data, error, response });
  return {
    notModified: false,
    status: response.status === 206 ? 206 : 200,
    blob,
    contentType: response.headers.get("Content-Type") ?? blob.type,
    etag,
    lastModified,
    filename: dispositionFileName(response.headers.get("Content-Disposition")),
    contentRange: response.headers.get("Content-Range") ?? undefined,
  };
}

function headOf({ response }: { response: Response }): Head {
  if (response.status !== 200 && response.status !== 206 && response.status !== 304) {
    throw new PersonaMediaError(response, undefined);
  }
  const length = response.headers.get("Content-Length");
  return {
    status: response.status,
    contentType: response.headers.get("Content-Type") ?? undefined,
    contentLength: length === null ? undefined : Number(length),
    etag: response.headers.get("ETag") ?? undefined,
    lastModified: httpDate(response.headers.get("Last-Modified")),
    filename: dispositionFileName(response.headers.get("Content-Disposition")),
    contentRange: response.headers.get("Content-Range") ?? undefined,
    acceptRanges: response.headers.get("Accept-Ranges") ?? undefined,
  };
}

/** The token of a signed URL: its last path segment (or the string itself when it is no URL). */
function signedToken(url: string): string {
  const path = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("/") ? new URL(url, "http://signed.invalid").pathname : url;
  const segment = path.slice(path.lastIndexOf("/") + 1);
  return decodeURIComponent(segment);
}

function ifMatch(options: IfMatchOptions): Record<string, string> {
  return options.ifMatch === undefined ? {} : { "If-Match": options.ifMatch };
}

function fileName(file: Blob, given: string | undefined): string {
  const name = given ?? (typeof File !== "undefined" && file instanceof File ? file.name : undefined);
  if (name === undefined || name === "") {
    throw new TypeError("A Blob has no file name: pass options.filename (its extension decides what the service accepts).");
  }
  return name;
}

/** The target of the `Link` header's relation `rel`, resolved against the request's URL. */
function linkTo(response: Response, rel: string): URL | undefined {
  const header = response.headers.get("Link");
  if (header === null) {
    return undefined;
  }
  for (const part of header.split(",")) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match !== null && /;\s*rel="?([^";]*)"?/.exec(match[2] ?? "")?.[1]?.split(/\s+/).includes(rel) === true) {
      return new URL(match[1] ?? "", response.url);
    }
  }
  return undefined;
}

function pageOf(url: URL, current: ListOptions): ListOptions {
  const number = (name: string): number | undefined => {
    const value = url.searchParams.get(name);
    return value === null ? undefined : Number(value);
  };
  const mediaType = url.searchParams.get("media_type");
  return {
    ...current,
    mediaType: mediaType === "image" || mediaType === "video" ? mediaType : undefined,
    limit: number("limit"),
    offset: number("offset"),
  };
}

function httpDate(value: string | null): Date | undefined {
  if (value === null) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** RFC 6266: `filename*=UTF-8''...` when present, else the plain `filename`. */
function dispositionFileName(value: string | null): string | undefined {
  if (value === null) {
    return undefined;
  }
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(value);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall back to the plain name
    }
  }
  return /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(value)?.[1];
}
