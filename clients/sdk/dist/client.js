import createClient, {} from "openapi-fetch";
import { PersonaMediaError } from "./errors.js";
import { retrying } from "./retry.js";
/** The data of a success; a PersonaMediaError with the problem for anything else. */
function unwrap({ data, error, response }) {
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
    api;
    auth;
    personas;
    media;
    accessToken;
    constructor(options) {
        this.accessToken = options.accessToken;
        const fetcher = options.fetch ?? ((request) => globalThis.fetch(request));
        this.api = createClient({ baseUrl: options.baseUrl, fetch: options.retry === false ? fetcher : retrying(fetcher, options.retry) });
        this.api.use({
            onRequest: ({ request }) => {
                if (this.accessToken !== undefined && !request.headers.has("Authorization")) {
                    request.headers.set("Authorization", `Bearer ${this.accessToken}`);
                }
                return request;
            },
        });
        this.auth = new AuthApi(this.api, (token) => {
            this.accessToken = token;
        });
        this.personas = new PersonasApi(this.api);
        this.media = new MediaApi(this.api);
    }
    /** Sends this token from now on (undefined: none). */
    setAccessToken(token) {
        this.accessToken = token;
    }
    getAccessToken() {
        return this.accessToken;
    }
}
export class AuthApi {
    api;
    keep;
    constructor(api, keep) {
        this.api = api;
        this.keep = keep;
    }
    /** Creates the account and signs in: its token is used from now on. A 409 when the email or username is taken. */
    async register(body, signal) {
        const token = unwrap(await this.api.POST("/auth/register", { body, signal }));
        this.keep(token.access_token);
        return token;
    }
    /** Signs in: the token is used from now on. A 401 for an unknown email or a wrong password alike. */
    async login(body, signal) {
        const token = unwrap(await this.api.POST("/auth/login", { body, signal }));
        this.keep(token.access_token);
        return token;
    }
    async me(signal) {
        return unwrap(await this.api.GET("/auth/me", { signal }));
    }
}
export class PersonasApi {
    api;
    constructor(api) {
        this.api = api;
    }
    async list(signal) {
        return unwrap(await this.api.GET("/personas", { signal }));
    }
    async get(id, signal) {
        return unwrap(await this.api.GET("/personas/{id}", { params: { path: { id } }, signal }));
    }
    async create(body, signal) {
        return unwrap(await this.api.POST("/personas", { body, signal }));
    }
    async update(id, body, options = {}) {
        return unwrap(await this.api.PUT("/personas/{id}", { params: { path: { id } }, body, headers: ifMatch(options), signal: options.signal }));
    }
    /** Removes the persona with its files and their bytes. */
    async delete(id, signal) {
        return unwrap(await this.api.DELETE("/personas/{id}", { params: { path: { id } }, signal }));
    }
}
export class MediaApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** Uploads a JPEG or PNG (at most 10 MiB) as multipart/form-data. */
    async uploadImage(personaId, file, options = {}) {
        return unwrap(await this.api.POST("/upload/persona/{persona_id}/image", {
            params: { path: { persona_id: personaId } },
            body: { file, description: options.description },
            bodySerializer: (body) => uploadForm(body.file, fileName(body.file, options.filename), body.description),
            signal: options.signal,
        }));
    }
    /** Uploads an MP4 (at most 10 MiB) as multipart/form-data. */
    async uploadVideo(personaId, file, options = {}) {
        return unwrap(await this.api.POST("/upload/persona/{persona_id}/video", {
            params: { path: { persona_id: personaId } },
            body: { file, description: options.description },
            bodySerializer: (body) => uploadForm(body.file, fileName(body.file, options.filename), body.description),
            signal: options.signal,
        }));
    }
    /** One page of a persona's files, newest first. */
    async list(personaId, options = {}) {
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
    async *all(personaId, options = {}) {
        let page = options;
        while (page !== undefined) {
            const current = await this.list(personaId, page);
            yield* current.items;
            page = current.next;
        }
    }
    async get(fileId, options = {}) {
        return unwrap(await this.api.GET("/upload/files/{file_id}", {
            params: { path: { file_id: fileId }, query: { include: options.includeUrls === true ? "urls" : undefined } },
            signal: options.signal,
        }));
    }
    /** Sets (or, with null, clears) the description; `updated_at` advances. */
    async updateDescription(fileId, description, options = {}) {
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
    async delete(fileId, signal) {
        return unwrap(await this.api.DELETE("/upload/files/{file_id}", { params: { path: { file_id: fileId } }, signal }));
    }
    /** The file's bytes with what the headers say of them; a range gives a 206, a matching ETag a 304. */
    async download(fileId, options = {}) {
        const headers = {};
        if (options.range !== undefined) {
            headers["Range"] = "suffix" in options.range
                ? `bytes=-${options.range.suffix}`
                : `bytes=${options.range.start}-${options.range.end ?? ""}`;
        }
        if (options.ifNoneMatch !== undefined) {
            headers["If-None-Match"] = options.ifNoneMatch;
        }
        const { data, error, response } = await this.api.GET("/upload/files/{file_id}/download", {
            params: { path: { file_id: fileId } },
            headers,
            parseAs: "blob",
            signal: options.signal,
        });
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
    /** A signed URL of the bytes that needs no token (for `<img src>`), and when it expires. */
    async url(fileId, options = {}) {
        return unwrap(await this.api.GET("/upload/files/{file_id}/url", {
            params: { path: { file_id: fileId }, query: { disposition: options.disposition, expires_in: options.expiresIn } },
            signal: options.signal,
        }));
    }
    /** The caller's usage: counts and bytes, per persona too. */
    async stats(signal) {
        return unwrap(await this.api.GET("/upload/stats", { signal }));
    }
}
function ifMatch(options) {
    return options.ifMatch === undefined ? {} : { "If-Match": options.ifMatch };
}
function fileName(file, given) {
    const name = given ?? (typeof File !== "undefined" && file instanceof File ? file.name : undefined);
    if (name === undefined || name === "") {
        throw new TypeError("A Blob has no file name: pass options.filename (its extension decides what the service accepts).");
    }
    return name;
}
function uploadForm(file, name, description) {
    const form = new FormData();
    form.append("file", file, name);
    if (description !== undefined) {
        form.append("description", description);
    }
    return form;
}
/** The target of the `Link` header's relation `rel`, resolved against the request's URL. */
function linkTo(response, rel) {
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
function pageOf(url, current) {
    const number = (name) => {
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
function httpDate(value) {
    if (value === null) {
        return undefined;
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** RFC 6266: `filename*=UTF-8''...` when present, else the plain `filename`. */
function dispositionFileName(value) {
    if (value === null) {
        return undefined;
    }
    const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(value);
    if (extended?.[1] !== undefined) {
        try {
            return decodeURIComponent(extended[1].trim());
        }
        catch {
            // fall back to the plain name
        }
    }
    return /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(value)?.[1];
}
//# sourceMappingURL=client.js.map