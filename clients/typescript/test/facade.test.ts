// A facade function for every operation of the contract: the map of operationIds to functions
// covers the committed document exactly (tsc checks the map against the generated types, this test
// against docs/openapi/v1.json itself), and the functions the other tests do not call are called
// here against the real service.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PersonaMediaClient, PersonaMediaError, facadeFunctions, type MediaFile, type Persona } from "../src/index.js";
import { filesOnDisk, payloads, realPng, repositoryRoot, startService, type Service } from "./service.js";

let service: Service;
let client: PersonaMediaClient;
let persona: Persona;

before(async () => {
  service = await startService();
  client = new PersonaMediaClient({ baseUrl: service.baseUrl });
  await client.auth.register({ email: "facade@example.com", username: "facade", password: "correct-horse-battery" });
  persona = await client.personas.create({ name: "Every operation" });
}, { timeout: 10 * 60_000 });

after(async () => {
  await service?.stop();
});

async function problem(call: Promise<unknown>): Promise<PersonaMediaError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof PersonaMediaError, `expected a PersonaMediaError, got ${String(error)}`);
    return error;
  }
  assert.fail("the call succeeded");
}

describe("the facade covers the contract", () => {
  test("every operationId of docs/openapi/v1.json names a function of the client, and no other is named", () => {
    const document = JSON.parse(readFileSync(join(repositoryRoot(), "docs", "openapi", "v1.json"), "utf8")) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(document.paths)
      .flatMap((item) => Object.entries(item).filter(([method]) => ["get", "put", "post", "delete", "patch", "head", "options", "trace"].includes(method)))
      .map(([method, operation]) => operation.operationId ?? assert.fail(`an operation (${method}) has no operationId`));
    assert.ok(ids.length >= 27, `only ${ids.length} operations`);
    assert.deepEqual(Object.keys(facadeFunctions).sort(), [...ids].sort());

    const groups: Record<string, object> = { auth: client.auth, personas: client.personas, media: client.media, health: client.health };
    for (const [id, name] of Object.entries(facadeFunctions)) {
      const [group, member] = name.split(".") as [string, string];
      const target = groups[group];
      assert.ok(target !== undefined && typeof Reflect.get(target, member) === "function", `${id}: ${name} is no function of the client`);
    }
  });
});

describe("the functions no other test calls", () => {
  test("health: get, live and ready", async () => {
    assert.equal((await client.health.get()).status, "healthy");
    assert.equal(typeof (await client.health.live()).status, "string");
    const ready = await client.health.ready();
    assert.equal(ready.ready, true);
    assert.ok(ready.checks !== undefined && ready.checks !== null && Object.keys(ready.checks).length > 0, JSON.stringify(ready));
  });

  test("auth: refresh swaps the kept pair; the used refresh token is then a 401", async () => {
    const first = client.getRefreshToken();
    assert.equal(typeof first, "string");
    const next = await client.auth.refresh();
    assert.notEqual(next.refresh_token, first);
    assert.equal(client.getRefreshToken(), next.refresh_token);
    assert.equal(client.getAccessToken(), next.access_token);
    assert.equal((await client.auth.me()).username, "facade");
    assert.equal((await problem(client.auth.refresh(first))).status, 401);
  });

  test("auth: changePassword keeps the new pair; the old access token is refused; logout forgets the tokens", async () => {
    const other = new PersonaMediaClient({ baseUrl: service.baseUrl });
    await other.auth.register({ email: "password@example.com", username: "password", password: "correct-horse-battery" });
    const before = other.getAccessToken();
    const wrong = await problem(other.auth.changePassword({ current_password: "not-it-at-all", new_password: "battery-staple-horse" }));
    assert.equal(wrong.status, 400);
    assert.ok(wrong.errors?.["current_password"] !== undefined, JSON.stringify(wrong.problem));

    const changed = await other.auth.changePassword({ current_password: "correct-horse-battery", new_password: "battery-staple-horse" });
    assert.equal(other.getAccessToken(), changed.access_token);
    assert.equal((await other.auth.me()).username, "password");
    const stale = new PersonaMediaClient({ baseUrl: service.baseUrl, accessToken: before });
    assert.equal((await problem(stale.auth.me())).status, 401);

    const refreshToken = other.getRefreshToken();
    assert.equal((await other.auth.logout()).detail.length > 0, true);
    assert.equal(other.getAccessToken(), undefined);
    assert.equal(other.getRefreshToken(), undefined);
    assert.equal((await problem(other.auth.refresh(refreshToken))).status, 401);
    await assert.rejects(other.auth.refresh(), TypeError);
  });

  describe("media", () => {
    const image = realPng(800, 600);
    let file: MediaFile;

    before(async () => {
      file = await client.media.uploadImage(persona.id, new Blob([image], { type: "image/png" }), { filename: "gradient.png" });
    });

    test("head says what download would, without the bytes: 200, 206 for a range, 304 for the ETag", async () => {
      const whole = await client.media.head(file.id);
      assert.equal(whole.status, 200);
      assert.equal(whole.contentLength, file.file_size);
      assert.equal(whole.contentType, "image/png");
      assert.equal(whole.etag, `"${file.sha256}"`);
      assert.equal(whole.acceptRanges, "bytes");
      assert.equal(whole.filename, "gradient.png");
      const range = await client.media.head(file.id, { range: { start: 0, end: 99 } });
      assert.equal(range.status, 206);
      assert.equal(range.contentLength, 100);
      assert.equal(range.contentRange, `bytes 0-99/${file.file_size}`);
      assert.equal((await client.media.head(file.id, { ifNoneMatch: whole.etag ?? "" })).status, 304);
      assert.equal((await problem(client.media.head(file.id + 1000))).status, 404);
    });

    test("thumbnail gives a WebP of a preset size; its ETag a 304; a file without pixels has none", async () => {
      const small = await client.media.thumbnail(file.id, 160);
      assert.ok(!small.notModified);
      assert.equal(small.contentType, "image/webp");
      const bytes = new Uint8Array(await small.blob.arrayBuffer());
      assert.equal(String.fromCharCode(...bytes.subarray(0, 4)), "RIFF");
      assert.equal(String.fromCharCode(...bytes.subarray(8, 12)), "WEBP");
      const again = await client.media.thumbnail(file.id, 160, { ifNoneMatch: small.etag ?? "" });
      assert.ok(again.notModified);

      const noPixels = await client.media.uploadImage(persona.id, new Blob([payloads.png(3000)]), { filename: "noise.png" });
      assert.equal((await problem(client.media.thumbnail(noPixels.id, 160))).status, 404);
      // The type allows only the presets; the service refuses any other size all the same.
      const other = await client.api.GET("/upload/files/{file_id}/thumbnail", { params: { path: { file_id: file.id }, query: { size: 160 } }, querySerializer: () => "size=7", parseAs: "blob" });
      assert.equal(other.response.status, 400);
    });

    test("signedDownload and signedHead take a signed URL and send no token", async () => {
      const sent: (string | null)[] = [];
      const watched = new PersonaMediaClient({
        baseUrl: service.baseUrl,
        accessToken: client.getAccessToken(),
        fetch: (request) => {
          sent.push(request.headers.get("Authorization"));
          return fetch(request);
        },
      });
      const signed = await watched.media.url(file.id, { expiresIn: 60 });
      const download = await watched.media.signedDownload(signed.url);
      assert.ok(!download.notModified);
      assert.deepEqual(new Uint8Array(await download.blob.arrayBuffer()), image);
      const tail = await watched.media.signedDownload(signed.url, { range: { suffix: 16 } });
      assert.equal(tail.status, 206);
      const head = await watched.media.signedHead(signed.url);
      assert.equal(head.contentLength, image.length);
      assert.equal((await watched.media.signedDownload(signed.url, { ifNoneMatch: head.etag ?? "" })).status, 304);
      assert.match(sent[0] ?? "", /^Bearer /, "url() itself sends the token");
      assert.deepEqual(sent.slice(1), [null, null, null, null], "a signed URL goes without the token");
      const token = new URL(signed.url, service.baseUrl).pathname.split("/").at(-1) ?? "";
      assert.equal((await watched.media.signedHead(token)).status, 200, "the token alone is enough");
      assert.equal((await problem(watched.media.signedDownload(signed.url + "x"))).status, 404);
    });

    test("an upload with an Idempotency-Key sent twice stores one file and answers the same", async () => {
      const before = filesOnDisk(service).length;
      const key = crypto.randomUUID();
      const bytes = payloads.jpeg(20_000);
      const first = await client.media.uploadImage(persona.id, new Blob([bytes]), { filename: "once.jpg", idempotencyKey: key });
      const second = await client.media.uploadImage(persona.id, new Blob([bytes]), { filename: "once.jpg", idempotencyKey: key });
      assert.equal(second.id, first.id);
      assert.equal(filesOnDisk(service).length, before + 1);
      assert.equal((await problem(client.media.uploadImage(persona.id, new Blob([payloads.jpeg(20_001)]), { filename: "once.jpg", idempotencyKey: key }))).status, 422);
    });
  });
});
