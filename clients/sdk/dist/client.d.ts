import { type Client } from "openapi-fetch";
import type { components, paths } from "./generated/api.js";
import { type RetryOptions } from "./retry.js";
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
}
export interface UploadOptions {
    /**
     * The file name the service sees; its extension decides what is accepted (`.jpg`, `.jpeg`,
     * `.png` for images, `.mp4` for videos). A `File`'s own name when left out; a plain `Blob` needs it.
     */
    filename?: string;
    /** Shown with the file, at most 1000 characters. */
    description?: string;
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
    range?: {
        start: number;
        end?: number;
    } | {
        suffix: number;
    };
    /** An ETag you hold: the answer is `notModified` while the bytes are the same. */
    ifNoneMatch?: string;
    signal?: AbortSignal;
}
export type Download = {
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
} | {
    notModified: true;
    status: 304;
    etag: string | undefined;
    lastModified: Date | undefined;
};
export interface IfMatchOptions {
    /** The ETag you read: the change is refused with a 412 when someone changed it since. */
    ifMatch?: string;
    signal?: AbortSignal;
}
/**
 * PersonaMedia for a front-end or a Node program. The groups cover what an app does every day;
 * `api` is the generated client with every operation of the contract, typed (openapi-fetch), for
 * the rest. The access token is sent with every request once `auth.register`, `auth.login` or
 * `setAccessToken` gave one.
 */
export declare class PersonaMediaClient {
    /** Every operation of docs/openapi/v1.json, typed; sends the access token too. */
    readonly api: Client<paths>;
    readonly auth: AuthApi;
    readonly personas: PersonasApi;
    readonly media: MediaApi;
    private accessToken;
    constructor(options: PersonaMediaClientOptions);
    /** Sends this token from now on (undefined: none). */
    setAccessToken(token: string | undefined): void;
    getAccessToken(): string | undefined;
}
export declare class AuthApi {
    private readonly api;
    private readonly keep;
    constructor(api: Client<paths>, keep: (token: string) => void);
    /** Creates the account and signs in: its token is used from now on. A 409 when the email or username is taken. */
    register(body: RegisterRequest, signal?: AbortSignal): Promise<TokenResponse>;
    /** Signs in: the token is used from now on. A 401 for an unknown email or a wrong password alike. */
    login(body: LoginRequest, signal?: AbortSignal): Promise<TokenResponse>;
    me(signal?: AbortSignal): Promise<User>;
}
export declare class PersonasApi {
    private readonly api;
    constructor(api: Client<paths>);
    list(signal?: AbortSignal): Promise<Persona[]>;
    get(id: number, signal?: AbortSignal): Promise<Persona>;
    create(body: PersonaRequest, signal?: AbortSignal): Promise<Persona>;
    update(id: number, body: PersonaRequest, options?: IfMatchOptions): Promise<Persona>;
    /** Removes the persona with its files and their bytes. */
    delete(id: number, signal?: AbortSignal): Promise<DetailResponse>;
}
export declare class MediaApi {
    private readonly api;
    constructor(api: Client<paths>);
    /** Uploads a JPEG or PNG (at most 10 MiB) as multipart/form-data. */
    uploadImage(personaId: number, file: Blob, options?: UploadOptions): Promise<MediaFile>;
    /** Uploads an MP4 (at most 10 MiB) as multipart/form-data. */
    uploadVideo(personaId: number, file: Blob, options?: UploadOptions): Promise<MediaFile>;
    /** One page of a persona's files, newest first. */
    list(personaId: number, options?: ListOptions): Promise<Page>;
    /** Every file of a persona, newest first, page after page as the `Link` header names them. */
    all(personaId: number, options?: ListOptions): AsyncGenerator<MediaFile, void, undefined>;
    get(fileId: number, options?: {
        includeUrls?: boolean;
        signal?: AbortSignal;
    }): Promise<MediaFile>;
    /** Sets (or, with null, clears) the description; `updated_at` advances. */
    updateDescription(fileId: number, description: string | null, options?: IfMatchOptions): Promise<MediaFile>;
    /** Removes the file and its bytes. */
    delete(fileId: number, signal?: AbortSignal): Promise<DetailResponse>;
    /** The file's bytes with what the headers say of them; a range gives a 206, a matching ETag a 304. */
    download(fileId: number, options?: DownloadOptions): Promise<Download>;
    /** A signed URL of the bytes that needs no token (for `<img src>`), and when it expires. */
    url(fileId: number, options?: {
        disposition?: "inline" | "attachment";
        expiresIn?: number;
        signal?: AbortSignal;
    }): Promise<MediaFileUrl>;
    /** The caller's usage: counts and bytes, per persona too. */
    stats(signal?: AbortSignal): Promise<UploadStats>;
}
export {};
