// Generated from docs/openapi/v1.json by `npm run generate` (clients/typescript/scripts/generate.mjs).
// Do not edit: change the contract, then run `npm run generate` in clients/typescript.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the service is up
         * @description `{"status": "healthy"}` while the process serves requests; no dependency is asked.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Whether the process serves requests; no dependency is asked.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Whether the database and the file store are reachable, with each check's state; 503 when one is not. `degraded` (still 200) while the store and the database disagree: see the README's reconciler.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Registers a user and answers an access token for it. The email and the username must not be registered yet, compared without case (409).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Answers an access token for an email and password. An unknown email and a wrong password get the same 401.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a new token pair
         * @description Exchanges a refresh token for a new access token and a new refresh token of the same session; the one sent is used up. A refresh token sent a second time revokes its whole session (it was copied). Unknown, used, revoked or expired: 401.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Revokes the session of the refresh token: it and every token refreshed from it stop working. The access token in hand stays valid until it expires. The same 200 for a token that is unknown or already revoked.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description Changes the signed-in user's password after checking the current one (400 naming `current_password` when it is wrong). Every session is ended: all refresh tokens are revoked and every access token issued before is refused. The answer is a new token pair.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description The account the bearer token belongs to.
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/persona/{persona_id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image
         * @description Uploads a JPEG or PNG image of up to 10 MiB for the persona, as multipart/form-data with the part `file` and an optional `description`. The content is checked by its own signature, which must agree with the file name's extension and the part's declared type.
         */
        post: operations["uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/persona/{persona_id}/video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a video
         * @description Uploads an MP4 video of up to 10 MiB for the persona, as multipart/form-data with the part `file` and an optional `description`. The content must be an ISO-BMFF file whose first box is `ftyp`, and the file name must end in `.mp4`.
         */
        post: operations["uploadVideo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/persona/{persona_id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a persona's files
         * @description A persona's files, newest first (ties: the higher id first), one page at a time. `X-Total-Count` counts every file that matches the filter; `Link` names the next and previous pages, keeping the filter. With `include=urls` each file also carries `download_url`, a signed inline URL of its bytes with the default lifetime (see getFileUrl).
         */
        get: operations["listPersonaFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a file's information
         * @description The media file's information (not its bytes; see downloadFile). With `include=urls` it also carries `download_url`, a signed inline URL of the bytes (see getFileUrl).
         */
        get: operations["getFile"];
        /**
         * Change a file's description
         * @description Replaces the file's description and advances `updated_at`. The description comes as JSON `{"description": ...}`, or as the form field `description` (urlencoded or multipart). With If-Match, only if the file is still the version of that ETag (412 otherwise).
         */
        put: operations["updateFileDescription"];
        post?: never;
        /**
         * Delete a file
         * @description Deletes the file's row and its stored bytes.
         */
        delete: operations["deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/files/{file_id}/url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A signed URL of a file's bytes
         * @description A URL of the file's bytes for `<img>`, `<video>` or a link, served by getSignedMedia without Authorization until `expires_at`. `disposition` is `inline` (default; JPEG, PNG and MP4 are shown in place) or `attachment` (saved); `expires_in` is its lifetime in seconds (default 300, at most 3600 unless configured otherwise). With `size` (160 or 640) the URL serves that thumbnail instead, in `format` `webp` (default) or `jpeg`; a file without thumbnails answers 404. Whoever holds the URL can load the file until then; deleting the file stops it at once.
         */
        get: operations["getFileUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/files/{file_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file's bytes
         * @description The stored bytes with their stored content type. `Range: bytes=a-b` (or `bytes=-n`) gets 206 with `Content-Range`, an unsatisfiable range 416; `If-None-Match` with the current ETag gets 304; `If-Range` with another validator, a Range of another unit or several ranges get 200 with the whole file.
         */
        get: operations["downloadFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * A download's headers without its bytes
         * @description The same status and headers as downloadFile (200, 206, 304, 416, 404), without a body.
         */
        head: operations["headFile"];
        patch?: never;
        trace?: never;
    };
    "/upload/files/{file_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A thumbnail of an image
         * @description A WebP (`format=jpeg`: a JPEG, transparency on white) of the image with its long side brought down to `size` (160 or 640; never enlarged), orientation applied, no metadata; the sizes are listed in the media file's `thumbnails`. Made by a background worker after the upload (the media file's `thumbnails.<size>.ready` says when), or on this request if asked for first; served from the store. A file whose pixels yield nothing, or take longer than the time limit, has none: 404. `If-None-Match` with its ETag gets 304.
         */
        get: operations["getThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your usage
         * @description Counts and sizes of the signed-in user's files, in total and per persona that holds files.
         */
        get: operations["getUploadStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/personas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your personas
         * @description All personas of the signed-in user.
         */
        get: operations["listPersonas"];
        put?: never;
        /**
         * Create a persona
         * @description Creates a persona of the signed-in user.
         */
        post: operations["createPersona"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/personas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a persona
         * @description One of the signed-in user's personas; another user's persona is answered 404, like one that does not exist.
         */
        get: operations["getPersona"];
        /**
         * Replace a persona
         * @description Replaces the persona's name, description and relation type; a member left out becomes null. With If-Match, only if the persona is still the version of that ETag (412 otherwise).
         */
        put: operations["updatePersona"];
        post?: never;
        /**
         * Delete a persona
         * @description Deletes the persona with all its media files and their stored bytes.
         */
        delete: operations["deletePersona"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file's bytes through a signed URL
         * @description The bytes a signed URL grants, without Authorization: the token is the credential. `Range: bytes=a-b` gets 206, an unsatisfiable range 416; `If-None-Match` with the ETag gets 304; `If-Range` with another validator, a Range of another unit or several ranges get 200 with the whole file. A thumbnail's URL serves that thumbnail (made now if the worker has not yet). A tampered or expired token, one for another variant, and one of a deleted file all get the same 404. Cached privately until the URL expires.
         */
        get: operations["getSignedMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * A signed URL's headers without its bytes
         * @description The same status and headers as getSignedMedia (200, 206, 304, 416, 404), without a body.
         */
        head: operations["headSignedMedia"];
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ChangePasswordRequest: {
            current_password: string;
            new_password: string;
        };
        /** @description The description as a form field; left out, it becomes null. */
        DescriptionForm: {
            description?: string;
        };
        DescriptionRequest: {
            description: string;
        };
        DetailResponse: {
            detail: string;
        };
        HealthResponse: {
            status: string;
            checks?: null | {
                [key: string]: string;
            };
        };
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        LogoutRequest: {
            refresh_token: string;
        };
        MediaFile: {
            /** Format: int32 */
            id: number;
            filename: string;
            original_filename: string;
            /** Format: int64 */
            file_size: number;
            mime_type: string;
            media_type: components["schemas"]["MediaType"];
            /** Format: int32 */
            persona_id: number;
            /** Format: int32 */
            user_id: number;
            description: null | string;
            sha256: string;
            /** Format: int32 */
            width: null | number;
            /** Format: int32 */
            height: null | number;
            /** Format: double */
            duration_seconds: null | number;
            video_codec: null | string;
            has_audio: null | boolean;
            metadata_removed: null | string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: uri
             * @description Only with `include=urls`: a signed inline URL of the bytes (see getFileUrl).
             */
            download_url?: string;
            thumbnails?: null | {
                [key: string]: components["schemas"]["Thumbnail"];
            };
        };
        MediaFileUrl: {
            url: string;
            /** Format: date-time */
            expires_at: string;
        };
        /** @enum {unknown} */
        MediaType: "image" | "video";
        Persona: {
            /** Format: int32 */
            id: number;
            /** Format: int32 */
            user_id: number;
            name: string;
            description: null | string;
            relation_type: null | string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PersonaRequest: {
            name: string;
            description?: null | string;
            relation_type?: null | string;
        };
        PersonaUsage: {
            /** Format: int32 */
            images: number;
            /** Format: int32 */
            videos: number;
            /** Format: int64 */
            total_size: number;
        };
        /** @description An RFC 9457 problem, as every error is answered. */
        ProblemDetails: {
            /** @description A URI naming the kind of problem. */
            type: string;
            /** @description The status's short name. */
            title: string;
            /**
             * Format: int32
             * @description The HTTP status.
             */
            status: number;
            /** @description What went wrong, for a human. */
            detail: string;
            /** @description The request the problem is about, when known. */
            instance?: string;
            /** @description The request's trace id, to quote when reporting it. */
            trace_id: string;
        };
        RefreshTokenRequest: {
            refresh_token: string;
        };
        RegisterRequest: {
            /** Format: email */
            email: string;
            username: string;
            password: string;
            full_name?: null | string;
        };
        Thumbnail: {
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
            /** @default false */
            ready: boolean;
            url?: null | string;
        };
        TokenResponse: {
            access_token: string;
            token_type: string;
            /** Format: int32 */
            expires_in: number;
            refresh_token: string;
        };
        /** @description The multipart form of an upload. */
        UploadForm: {
            /**
             * Format: binary
             * @description The file, at most 10485760 bytes; its part's file name must have an allowed extension.
             */
            file: Blob;
            /** @description Shown with the file. */
            description?: string;
        };
        UploadStats: {
            /** Format: int32 */
            total_files: number;
            /** Format: int64 */
            total_size_bytes: number;
            /** Format: double */
            total_size_mb: number;
            /** Format: int32 */
            image_count: number;
            /** Format: int32 */
            video_count: number;
            persona_stats: {
                [key: string]: components["schemas"]["PersonaUsage"];
            };
            /** Format: int32 */
            file_size_limit_mb: number;
            /** Format: int64 */
            quota_bytes: number;
            /** Format: int64 */
            used_bytes: number;
        };
        User: {
            /** Format: int32 */
            id: number;
            email: string;
            username: string;
            full_name: null | string;
            /** Format: date-time */
            created_at: string;
        };
        /** @description A 400 problem that names each field that is wrong. */
        ValidationProblemDetails: components["schemas"]["ProblemDetails"] & {
            /** @description Messages keyed by the field's wire name (`file`, `description`, `limit`, `body`, ...). */
            errors: {
                [key: string]: string[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The email or the username is already registered. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailResponse"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    uploadImage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the upload safe to retry: the same key (1-255 visible ASCII characters, e.g. a UUID; quoted or not) from the same user within 24 hours gets the first upload's file again instead of a second copy; the same key with a different upload (persona, bytes, file name, type or description) gets 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The id of one of your personas. */
                persona_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadForm"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is the one an earlier upload with the same Idempotency-Key got: the file it stored, nothing stored again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFile"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Nothing was stored: the caller's storage quota (`Media:QuotaBytesPerUser`) would be passed, problem type `tag:personamedia,2026:problems/quota-exceeded` with `quota_bytes` and `used_bytes`; or the disk under the file store or the database is full (type `https://www.rfc-editor.org/rfc/rfc4918#section-11.5`). */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    uploadVideo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the upload safe to retry: the same key (1-255 visible ASCII characters, e.g. a UUID; quoted or not) from the same user within 24 hours gets the first upload's file again instead of a second copy; the same key with a different upload (persona, bytes, file name, type or description) gets 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The id of one of your personas. */
                persona_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadForm"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is the one an earlier upload with the same Idempotency-Key got: the file it stored, nothing stored again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFile"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Nothing was stored: the caller's storage quota (`Media:QuotaBytesPerUser`) would be passed, problem type `tag:personamedia,2026:problems/quota-exceeded` with `quota_bytes` and `used_bytes`; or the disk under the file store or the database is full (type `https://www.rfc-editor.org/rfc/rfc4918#section-11.5`). */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPersonaFiles: {
        parameters: {
            query?: {
                /** @description Only files of this kind. */
                media_type?: components["schemas"]["MediaType"];
                /** @description At most this many files. */
                limit?: number;
                /** @description Skip this many files first. */
                offset?: number;
                /** @description `urls` adds `download_url` to each file: a signed inline URL with the default lifetime. */
                include?: "urls";
            };
            header?: never;
            path: {
                /** @description The id of one of your personas. */
                persona_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The number of files that match the filter, on every page. */
                    "X-Total-Count"?: number;
                    /** @description RFC 8288 links to the `next` and `prev` pages, when there are any. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFile"][];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: {
                /** @description `urls` adds `download_url` to each file: a signed inline URL with the default lifetime. */
                include?: "urls";
            };
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The strong entity tag of this version; send it back in `If-Match` to update only this version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFile"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateFileDescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DescriptionRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["DescriptionForm"];
                "multipart/form-data": components["schemas"]["DescriptionForm"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The strong entity tag of this version; send it back in `If-Match` to update only this version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFile"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Nothing was stored: the caller's storage quota (`Media:QuotaBytesPerUser`) would be passed, problem type `tag:personamedia,2026:problems/quota-exceeded` with `quota_bytes` and `used_bytes`; or the disk under the file store or the database is full (type `https://www.rfc-editor.org/rfc/rfc4918#section-11.5`). */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailResponse"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFileUrl: {
        parameters: {
            query?: {
                /** @description `inline` to show the file in place (JPEG, PNG, MP4), `attachment` to save it. */
                disposition?: "inline" | "attachment";
                /** @description Seconds the URL works: default 300, at most 3600 (Media:UrlDefaultExpirySeconds, Media:UrlMaxExpirySeconds). */
                expires_in?: number;
                /** @description A thumbnail preset: the URL serves that thumbnail instead of the original. */
                size?: 160 | 640;
                /** @description The thumbnail's encoding: `webp` (default) or `jpeg`. */
                format?: "webp" | "jpeg";
            };
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFileUrl"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    downloadFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `attachment` with the original file name: `filename` an ASCII fallback, `filename*` the UTF-8 original. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description The requested range of the bytes. */
            206: {
                headers: {
                    /** @description `attachment` with the original file name: `filename` an ASCII fallback, `filename*` the UTF-8 original. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match is still the file's. */
            304: {
                headers: {
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The range lies outside the file; no body. */
            416: {
                headers: {
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    headFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `attachment` with the original file name: `filename` an ASCII fallback, `filename*` the UTF-8 original. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested range of the bytes. */
            206: {
                headers: {
                    /** @description `attachment` with the original file name: `filename` an ASCII fallback, `filename*` the UTF-8 original. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified: the ETag sent in If-None-Match is still the file's. */
            304: {
                headers: {
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The range lies outside the file; no body. */
            416: {
                headers: {
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getThumbnail: {
        parameters: {
            query: {
                /** @description The thumbnail's long side in pixels: one of the presets listed in the file's `thumbnails`. */
                size: 160 | 640;
                /** @description The thumbnail's encoding: `webp` (default) or `jpeg`. */
                format?: "webp" | "jpeg";
            };
            header?: never;
            path: {
                /** @description The id of one of your media files. */
                file_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The thumbnail's entity tag: the original's SHA-256, the preset and (for JPEG) the format. */
                    ETag?: string;
                    /** @description When the thumbnail was made. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=86400`: the user's browser may keep it a day, no shared cache may. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": Blob;
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match is still the file's. */
            304: {
                headers: {
                    /** @description The thumbnail's entity tag: the original's SHA-256, the preset and (for JPEG) the format. */
                    ETag?: string;
                    /** @description When the thumbnail was made. */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getUploadStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadStats"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPersonas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Persona"][];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createPersona: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonaRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Persona"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersona: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your personas. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The strong entity tag of this version; send it back in `If-Match` to update only this version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Persona"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updatePersona: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your personas. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonaRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The strong entity tag of this version; send it back in `If-Match` to update only this version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Persona"];
                };
            };
            /** @description The request is not valid; a validation problem names each field in `errors`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblemDetails"] | components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body's Content-Type is not one this operation reads, or is missing. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deletePersona: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of one of your personas. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailResponse"];
                };
            };
            /** @description No token, or a malformed, expired or otherwise invalid one. */
            401: {
                headers: {
                    /** @description `Bearer`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSignedMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The opaque token of a signed URL, as getFileUrl handed it out. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `inline` (JPEG, PNG and MP4 asked for inline) or `attachment`, with the original file name in `filename*`. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=<seconds until the URL expires>`. */
                    "Cache-Control"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    /** @description `same-site` unless configured otherwise (Media:CrossOriginResourcePolicy). */
                    "Cross-Origin-Resource-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description The requested range of the bytes. */
            206: {
                headers: {
                    /** @description `inline` (JPEG, PNG and MP4 asked for inline) or `attachment`, with the original file name in `filename*`. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=<seconds until the URL expires>`. */
                    "Cache-Control"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    /** @description `same-site` unless configured otherwise (Media:CrossOriginResourcePolicy). */
                    "Cross-Origin-Resource-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match is still the file's. */
            304: {
                headers: {
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=<seconds until the URL expires>`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The range lies outside the file; no body. */
            416: {
                headers: {
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    headSignedMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The opaque token of a signed URL, as getFileUrl handed it out. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `inline` (JPEG, PNG and MP4 asked for inline) or `attachment`, with the original file name in `filename*`. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=<seconds until the URL expires>`. */
                    "Cache-Control"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    /** @description `same-site` unless configured otherwise (Media:CrossOriginResourcePolicy). */
                    "Cross-Origin-Resource-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested range of the bytes. */
            206: {
                headers: {
                    /** @description `inline` (JPEG, PNG and MP4 asked for inline) or `attachment`, with the original file name in `filename*`. */
                    "Content-Disposition"?: string;
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=<seconds until the URL expires>`. */
                    "Cache-Control"?: string;
                    /** @description `bytes`: ranges are served. */
                    "Accept-Ranges"?: string;
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    /** @description `same-site` unless configured otherwise (Media:CrossOriginResourcePolicy). */
                    "Cross-Origin-Resource-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified: the ETag sent in If-None-Match is still the file's. */
            304: {
                headers: {
                    /** @description The quoted SHA-256 hex of the content, `"<64 hex>"`. */
                    ETag?: string;
                    /** @description When the file was uploaded. */
                    "Last-Modified"?: string;
                    /** @description `private, max-age=<seconds until the URL expires>`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The range lies outside the file; no body. */
            416: {
                headers: {
                    /** @description `bytes a-b/size` on 206; `bytes *\/size` on 416. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; wait for Retry-After seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
