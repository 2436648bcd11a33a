// uploadImage / uploadVideo in Node against the real service: progress that follows the bytes on
// the wire (seen through a throttled proxy, as over a slow uplink), the bytes stored as sent, an
// abort midway that leaves nothing behind, and refusals as typed problems.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { PersonaMediaClient, PersonaMediaError, type Persona, type UploadProgress } from "../src/index.js";
import { assertNothingLeft, filesOnDisk, payloads, startService, type Service } from "./service.js";
import { startThrottle, type Throttle } from "./throttle.js";

let service: Service;
let throttle: Throttle;
let client: PersonaMediaClient;
let slow: PersonaMediaClient;
let persona: Persona;

before(async () => {
  service = await startService();
  throttle = await startThrottle(service.baseUrl, 4 * 1024 * 1024);
  client = new PersonaMediaClient({ baseUrl: service.baseUrl });
  const token = await client.auth.register({ email: "upload@example.com", username: "uploader", password: "correct-horse-battery" });
  slow = new PersonaMediaClient({ baseUrl: throttle.baseUrl, accessToken: token.access_token });
  persona = await client.personas.create({ name: "Progress" });
}, { timeout: 10 * 60_000 });

after(async () => {
  await throttle?.close();
  await service?.stop();
});

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function assertProgress(events: UploadProgress[], fileSize: number): void {
  assert.ok(events.length > 0, "no progress was reported");
  const total = events[0]!.total;
  assert.ok(total > fileSize && total < fileSize + 1024, `total ${total} is the form around a file of ${fileSize} bytes`);
  for (let i = 0; i < events.length; i++) {
    assert.equal(events[i]!.total, total, "the total never changes");
    if (i > 0) {
      assert.ok(events[i]!.loaded > events[i - 1]!.loaded, `progress went from ${events[i - 1]!.loaded} to ${events[i]!.loaded}`);
    }
  }
  assert.equal(events.at(-1)!.loaded, total, "the last event has everything sent");
}

describe("uploads in Node", () => {
  test("progress counts what the connection took, not what was read from the file", async () => {
    // A fetch of the test's own that takes the body slowly, as a slow connection would, then passes it on.
    let taken = 0;
    const ahead: number[] = [];
    const probe = new PersonaMediaClient({
      baseUrl: service.baseUrl,
      accessToken: client.getAccessToken(),
      fetch: async (request) => {
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        const reader = request.body!.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          chunks.push(new Uint8Array(read.value));
          taken += read.value.length;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        return fetch(new Request(request.url, { method: request.method, headers: request.headers, body: new Blob(chunks) }));
      },
    });
    const png = payloads.png(2 * 1024 * 1024);
    const events: UploadProgress[] = [];
    const file = await probe.media.uploadImage(persona.id, new Blob([png]), {
      filename: "taken.png",
      onProgress: (progress) => {
        events.push(progress);
        ahead.push(progress.loaded - taken);
      },
    });
    assertProgress(events, png.length);
    assert.ok(events.length >= 30, `only ${events.length} progress events for 2 MiB`);
    assert.deepEqual(ahead.filter((bytes) => bytes > 0), [], "progress never ran ahead of what was taken");
    assert.equal(file.sha256, sha256(png));
  });

  test("over a slow uplink progress goes on while the bytes travel, ends at the total, and the bytes arrive as sent", async () => {
    const jpeg = payloads.jpeg(9 * 1024 * 1024);
    const events: UploadProgress[] = [];
    const forwardedAt: number[] = [];
    const start = throttle.forwarded();
    const file = await slow.media.uploadImage(persona.id, new Blob([jpeg], { type: "image/jpeg" }), {
      filename: "large.jpg",
      description: "Nine MiB",
      onProgress: (progress) => {
        events.push(progress);
        forwardedAt.push(throttle.forwarded() - start);
      },
    });
    assertProgress(events, jpeg.length);
    // The system's socket buffers take the first MiBs at once; the rest is reported as the link takes it.
    const during = events.filter((event, i) => event.loaded < event.total && forwardedAt[i]! >= 1024 * 1024);
    assert.ok(during.length > 0, `no progress reported once the service had 1 MiB: ${JSON.stringify(events.map((e, i) => [e.loaded, forwardedAt[i]]))}`);

    assert.equal(file.file_size, jpeg.length);
    assert.equal(file.sha256, sha256(jpeg));
    assert.equal(file.description, "Nine MiB");
    const download = await client.media.download(file.id);
    assert.ok(!download.notModified);
    assert.deepEqual(new Uint8Array(await download.blob.arrayBuffer()), jpeg);
  });

  test("uploadVideo reports progress too", async () => {
    const mp4 = payloads.mp4(1024 * 1024);
    const events: UploadProgress[] = [];
    const video = await client.media.uploadVideo(persona.id, new Blob([mp4]), { filename: "clip.mp4", onProgress: (progress) => events.push(progress) });
    assertProgress(events, mp4.length);
    assert.equal(video.media_type, "video");
    assert.equal(video.sha256, sha256(mp4));
  });

  test("an abort midway rejects with AbortError and the service keeps nothing of it", async () => {
    const before = filesOnDisk(service);
    const stats = await client.media.stats();
    const controller = new AbortController();
    const events: UploadProgress[] = [];
    // Straight to the service: it is reading the body when the connection drops.
    const upload = client.media.uploadImage(persona.id, new Blob([payloads.jpeg(9 * 1024 * 1024)]), {
      filename: "aborted.jpg",
      signal: controller.signal,
      onProgress: (progress) => {
        events.push(progress);
        if (progress.loaded > 512 * 1024) {
          controller.abort();
        }
      },
    });
    await assert.rejects(upload, { name: "AbortError" });
    assert.ok(events.at(-1)!.loaded < events.at(-1)!.total, "aborted before everything was sent");
    await assertNothingLeft(service, before);
    const now = await client.media.stats();
    assert.equal(now.total_files, stats.total_files);
    assert.equal(now.total_size_bytes, stats.total_size_bytes);
    const names: string[] = [];
    for await (const file of client.media.all(persona.id)) {
      names.push(file.original_filename);
    }
    assert.ok(!names.includes("aborted.jpg"));
  });

  test("refusals through the upload path are typed problems: a file over 10 MiB a 413, a wrong type a 400", async () => {
    const before = filesOnDisk(service);
    const tooLarge = await client.media.uploadImage(persona.id, new Blob([payloads.jpeg(10 * 1024 * 1024 + 1)]), { filename: "huge.jpg" })
      .then(() => assert.fail("an 11 MiB upload succeeded"), (error: unknown) => error);
    assert.ok(tooLarge instanceof PersonaMediaError, String(tooLarge));
    assert.equal(tooLarge.status, 413);
    assert.equal(typeof tooLarge.traceId, "string");

    const wrongType = await client.media.uploadVideo(persona.id, new Blob([payloads.png(5000)]), { filename: "clip.mp4", onProgress: () => {} })
      .then(() => assert.fail("a PNG was taken as a video"), (error: unknown) => error);
    assert.ok(wrongType instanceof PersonaMediaError, String(wrongType));
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.detail, /content does not match/);
    assert.deepEqual(filesOnDisk(service), before);
  });

  test("a 429 is tried again after its Retry-After, the whole body sent again with progress from 0", async () => {
    const bodies: number[] = [];
    const fake = new PersonaMediaClient({
      baseUrl: "http://sdk.test",
      retry: { baseDelayMs: 1 },
      fetch: async (request) => {
        bodies.push((await request.arrayBuffer()).byteLength);
        return bodies.length === 1
          ? new Response(JSON.stringify({ status: 429, title: "Too Many Requests", detail: "Slow down" }), { status: 429, headers: { "Content-Type": "application/problem+json", "Retry-After": "0" } })
          : new Response(JSON.stringify({ id: 1, original_filename: "a.png" }), { status: 201, headers: { "Content-Type": "application/json" } });
      },
    });
    const events: UploadProgress[] = [];
    const file = await fake.media.uploadImage(1, new Blob([payloads.png(200_000)]), { filename: "a.png", onProgress: (progress) => events.push(progress) });
    assert.equal(file.original_filename, "a.png");
    assert.equal(bodies.length, 2);
    assert.equal(bodies[0], bodies[1]);
    assert.equal(events.filter((event) => event.loaded === 0).length, 2, "each try counts from 0");
    assert.equal(events.filter((event) => event.loaded === bodies[0]).length, 2, "each try ends at the total");
  });

  test("a dropped connection is tried again only for an upload with an Idempotency-Key", async () => {
    const keys: (string | null)[] = [];
    const flaky = (): PersonaMediaClient => new PersonaMediaClient({
      baseUrl: "http://sdk.test",
      retry: { baseDelayMs: 1 },
      fetch: async (request) => {
        await request.arrayBuffer();
        keys.push(request.headers.get("Idempotency-Key"));
        if (keys.length === 1) {
          throw new TypeError("fetch failed");
        }
        return new Response(JSON.stringify({ id: 7, original_filename: "a.png" }), { status: 200, headers: { "Content-Type": "application/json" } });
      },
    });
    const file = await flaky().media.uploadImage(1, new Blob([payloads.png(1000)]), { filename: "a.png", idempotencyKey: "key-1" });
    assert.equal(file.id, 7);
    assert.deepEqual(keys, ["key-1", "key-1"]);

    keys.length = 0;
    await assert.rejects(flaky().media.uploadImage(1, new Blob([payloads.png(1000)]), { filename: "a.png" }), TypeError);
    assert.deepEqual(keys, [null], "without a key a POST that got no answer is not sent again");
  });
});
