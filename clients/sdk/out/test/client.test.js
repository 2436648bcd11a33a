// The SDK against the real service (see service.ts): every call goes over HTTP on loopback to
// src/WebApi on a fresh SQLite file and upload folder, as a front-end's would.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PersonaMediaClient, PersonaMediaError } from "../src/index.js";
import { payloads, startService } from "./service.js";
let service;
let client;
let persona;
before(async () => {
    service = await startService();
    client = new PersonaMediaClient({ baseUrl: service.baseUrl });
    await client.auth.register({ email: "ada@example.com", username: "ada", password: "correct-horse-battery", full_name: "Ada Lovelace" });
    persona = await client.personas.create({ name: "Grace", relation_type: "friend" });
}, { timeout: 10 * 60_000 });
after(async () => {
    await service?.stop();
});
/** Awaits a call that must fail, and returns its PersonaMediaError. */
async function problem(call) {
    try {
        await call;
    }
    catch (error) {
        assert.ok(error instanceof PersonaMediaError, `expected a PersonaMediaError, got ${String(error)}`);
        return error;
    }
    assert.fail("the call succeeded");
}
function sha256(bytes) {
    return createHash("sha256").update(bytes).digest("hex");
}
/** Every file the service keeps on disk under its upload folder. */
function storedFiles() {
    return readdirSync(join(service.root, "uploads"), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
}
describe("auth", () => {
    test("register keeps the token: me answers with the new user", async () => {
        const me = await client.auth.me();
        assert.equal(me.email, "ada@example.com");
        assert.equal(me.username, "ada");
        assert.equal(me.full_name, "Ada Lovelace");
    });
    test("login gives a token that another client then sends", async () => {
        const other = new PersonaMediaClient({ baseUrl: service.baseUrl });
        const token = await other.auth.login({ email: "ada@example.com", password: "correct-horse-battery" });
        assert.equal(token.token_type, "bearer");
        assert.ok(token.expires_in > 0);
        assert.equal(other.getAccessToken(), token.access_token);
        assert.equal((await other.auth.me()).username, "ada");
    });
    test("a taken email is a typed 409 problem", async () => {
        const other = new PersonaMediaClient({ baseUrl: service.baseUrl });
        const error = await problem(other.auth.register({ email: "ada@example.com", username: "ada2", password: "correct-horse-battery" }));
        assert.equal(error.status, 409);
        assert.match(error.detail, /already registered/);
        assert.equal(typeof error.traceId, "string");
        assert.equal(other.getAccessToken(), undefined, "a refused registration keeps no token");
    });
    test("a wrong password is a 401 problem", async () => {
        const other = new PersonaMediaClient({ baseUrl: service.baseUrl });
        const error = await problem(other.auth.login({ email: "ada@example.com", password: "wrong-horse-battery" }));
        assert.equal(error.status, 401);
        assert.equal(error.problem?.status, 401);
    });
    test("without a token every protected call is a 401 with WWW-Authenticate", async () => {
        const anonymous = new PersonaMediaClient({ baseUrl: service.baseUrl });
        const error = await problem(anonymous.personas.list());
        assert.equal(error.status, 401);
        assert.equal(error.detail, "Not authenticated");
        assert.match(error.response.headers.get("WWW-Authenticate") ?? "", /^Bearer/);
    });
    test("a validation problem names the field in errors", async () => {
        const other = new PersonaMediaClient({ baseUrl: service.baseUrl });
        const error = await problem(other.auth.register({ email: "not-an-email", username: "bob", password: "correct-horse-battery" }));
        assert.equal(error.status, 400);
        assert.ok(error.errors !== undefined && Object.keys(error.errors).some((field) => field.toLowerCase() === "email"), JSON.stringify(error.problem));
    });
});
describe("personas", () => {
    test("create, list, get, update and delete", async () => {
        const created = await client.personas.create({ name: "Grandma", description: "Loves gardening", relation_type: "family" });
        assert.equal(created.name, "Grandma");
        assert.ok((await client.personas.list()).some((p) => p.id === created.id));
        assert.equal((await client.personas.get(created.id)).description, "Loves gardening");
        const updated = await client.personas.update(created.id, { name: "Granny", relation_type: "family" });
        assert.equal(updated.name, "Granny");
        assert.equal((await client.personas.delete(created.id)).detail, "Persona deleted");
        assert.equal((await problem(client.personas.get(created.id))).status, 404);
    });
    test("an update with a stale If-Match is a 412 and changes nothing", async () => {
        const created = await client.personas.create({ name: "Uncle" });
        const error = await problem(client.personas.update(created.id, { name: "Aunt" }, { ifMatch: '"stale"' }));
        assert.equal(error.status, 412);
        assert.equal((await client.personas.get(created.id)).name, "Uncle");
        await client.personas.delete(created.id);
    });
});
describe("media", () => {
    const jpeg = payloads.jpeg(50_000);
    const png = payloads.png(3_000);
    const mp4 = payloads.mp4(80_000);
    let image;
    test("uploadImage sends a Blob as multipart with the given file name and description", async () => {
        image = await client.media.uploadImage(persona.id, new Blob([jpeg], { type: "image/jpeg" }), { filename: "photo.jpg", description: "Profile picture" });
        assert.equal(image.original_filename, "photo.jpg");
        assert.equal(image.mime_type, "image/jpeg");
        assert.equal(image.media_type, "image");
        assert.equal(image.file_size, jpeg.length);
        assert.equal(image.description, "Profile picture");
        assert.equal(image.sha256, sha256(jpeg));
    });
    test("uploadImage takes a File's own name; uploadVideo an MP4", async () => {
        const file = await client.media.uploadImage(persona.id, new File([png], "drawing.png", { type: "image/png" }));
        assert.equal(file.original_filename, "drawing.png");
        assert.equal(file.mime_type, "image/png");
        assert.equal(file.description, null);
        const video = await client.media.uploadVideo(persona.id, new Blob([mp4]), { filename: "clip.mp4" });
        assert.equal(video.media_type, "video");
        assert.equal(video.mime_type, "video/mp4");
    });
    test("a Blob without a file name is refused before anything is sent", async () => {
        await assert.rejects(client.media.uploadImage(persona.id, new Blob([jpeg])), TypeError);
    });
    test("refused uploads are typed 400 problems and leave nothing behind", async () => {
        const before = storedFiles();
        const wrongExtension = await problem(client.media.uploadImage(persona.id, new Blob([jpeg]), { filename: "photo.gif" }));
        assert.equal(wrongExtension.status, 400);
        assert.match(wrongExtension.detail, /\.jpg/);
        const notAVideo = await problem(client.media.uploadVideo(persona.id, new Blob([jpeg]), { filename: "clip.mp4" }));
        assert.equal(notAVideo.status, 400);
        assert.match(notAVideo.detail, /content does not match/);
        const longDescription = await problem(client.media.uploadImage(persona.id, new Blob([jpeg]), { filename: "a.jpg", description: "x".repeat(1001) }));
        assert.equal(longDescription.status, 400);
        assert.ok(longDescription.errors?.["description"] !== undefined, JSON.stringify(longDescription.problem));
        assert.equal((await problem(client.media.uploadImage(persona.id + 1000, new Blob([jpeg]), { filename: "a.jpg" }))).status, 404);
        assert.deepEqual(storedFiles(), before);
    });
    test("list gives a page with the total; all() follows Link through every page, newest first", async () => {
        const page = await client.media.list(persona.id, { limit: 1 });
        assert.equal(page.total, 3);
        assert.equal(page.items.length, 1);
        assert.deepEqual(page.next, { limit: 1, offset: 1, mediaType: undefined });
        const names = [];
        for await (const file of client.media.all(persona.id, { limit: 2 })) {
            names.push(file.original_filename);
        }
        assert.deepEqual(names, ["clip.mp4", "drawing.png", "photo.jpg"]);
        const images = await client.media.list(persona.id, { mediaType: "image", limit: 1 });
        assert.equal(images.total, 2);
        assert.equal(images.next?.mediaType, "image", "the next page keeps the filter");
        assert.equal((await client.media.list(persona.id, { mediaType: "image", offset: 2 })).next, undefined);
    });
    test("get, and updateDescription with a string and with null", async () => {
        assert.equal((await client.media.get(image.id)).sha256, image.sha256);
        const described = await client.media.updateDescription(image.id, "New caption");
        assert.equal(described.description, "New caption");
        assert.ok(described.updated_at >= image.updated_at);
        assert.equal((await client.media.updateDescription(image.id, null)).description, null);
        assert.equal((await client.media.updateDescription(image.id, "Profile picture")).description, "Profile picture");
    });
    test("download gives the bytes and what the headers say; a range a 206; a held ETag a 304", async () => {
        const whole = await client.media.download(image.id);
        assert.ok(!whole.notModified);
        assert.equal(whole.status, 200);
        assert.deepEqual(new Uint8Array(await whole.blob.arrayBuffer()), jpeg);
        assert.equal(whole.contentType, "image/jpeg");
        assert.equal(whole.etag, `"${image.sha256}"`);
        assert.equal(whole.filename, "photo.jpg");
        assert.ok(whole.lastModified instanceof Date);
        const firstKib = await client.media.download(image.id, { range: { start: 0, end: 1023 } });
        assert.ok(!firstKib.notModified);
        assert.equal(firstKib.status, 206);
        assert.equal(firstKib.contentRange, `bytes 0-1023/${jpeg.length}`);
        assert.deepEqual(new Uint8Array(await firstKib.blob.arrayBuffer()), jpeg.subarray(0, 1024));
        const tail = await client.media.download(image.id, { range: { suffix: 10 } });
        assert.ok(!tail.notModified);
        assert.deepEqual(new Uint8Array(await tail.blob.arrayBuffer()), jpeg.subarray(jpeg.length - 10));
        const again = await client.media.download(image.id, { ifNoneMatch: whole.etag ?? "" });
        assert.equal(again.status, 304);
        assert.ok(again.notModified);
        const outside = await problem(client.media.download(image.id, { range: { start: jpeg.length + 10 } }));
        assert.equal(outside.status, 416);
        assert.equal(outside.response.headers.get("Content-Range"), `bytes */${jpeg.length}`);
    });
    test("a signed URL serves the bytes without a token", async () => {
        const signed = await client.media.url(image.id, { expiresIn: 60 });
        assert.ok(Date.parse(signed.expires_at) > Date.now());
        const response = await fetch(signed.url);
        assert.equal(response.status, 200);
        assert.deepEqual(new Uint8Array(await response.arrayBuffer()), jpeg);
        const withUrls = await client.media.list(persona.id, { includeUrls: true, mediaType: "image" });
        assert.ok(withUrls.items.every((file) => typeof file.download_url === "string"));
    });
    test("stats count the caller's files", async () => {
        const stats = await client.media.stats();
        assert.equal(stats.total_files, 3);
        assert.equal(stats.image_count, 2);
        assert.equal(stats.video_count, 1);
        assert.equal(stats.total_size_bytes, jpeg.length + png.length + mp4.length);
        assert.equal(stats.persona_stats[String(persona.id)]?.videos, 1);
    });
    test("delete removes the row and the bytes; then the file is a 404 problem", async () => {
        const before = storedFiles().length;
        assert.equal((await client.media.delete(image.id)).detail, "File deleted");
        assert.equal(storedFiles().length, before - 1);
        const error = await problem(client.media.get(image.id));
        assert.equal(error.status, 404);
        assert.equal(error.detail, "File not found");
        assert.equal(typeof error.traceId, "string");
    });
    test("an aborted signal rejects the call", async () => {
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(client.media.uploadImage(persona.id, new Blob([jpeg]), { filename: "a.jpg", signal: controller.signal }), { name: "AbortError" });
    });
    test("the generated client (api) reaches every operation, typed, with the token", async () => {
        const { data, response } = await client.api.GET("/upload/files/{file_id}", { params: { path: { file_id: image.id + 1 } } });
        assert.equal(response.status, 200);
        assert.equal(data?.original_filename, "drawing.png");
        assert.match(response.headers.get("ETag") ?? "", /^(W\/)?"/);
    });
});
//# sourceMappingURL=client.test.js.map