// The SDK in headless Chromium against the real service, from a page on another origin (the
// service allows it in Cors:AllowedOrigins): uploads go by XMLHttpRequest, whose progress follows
// the bytes over a slow uplink (DevTools' network throttling, 3 MiB/s up: the browser itself
// sends no faster, so no socket buffer swallows the file at once), an abort midway leaves nothing
// behind, and a refusal is the same typed PersonaMediaError as in Node.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type * as Sdk from "../src/index.js";
import { launchChromium, sdkHead, startFrontEnd, type FrontEnd } from "./browser.js";
import { assertNothingLeft, filesOnDisk, payloads, startService, type Service } from "./service.js";

let frontEnd: FrontEnd;
let service: Service;
let browser: Browser;
let page: Page;
let token: string;
let personaId: number;
const uploads: { url: string; resourceType: string }[] = [];
const jpeg = payloads.jpeg(9 * 1024 * 1024);

before(async () => {
  frontEnd = await startFrontEnd();
  service = await startService({ Cors__AllowedOrigins__0: frontEnd.origin });
  const client = new (await import("../src/index.js")).PersonaMediaClient({ baseUrl: service.baseUrl });
  token = (await client.auth.register({ email: "browser@example.com", username: "browser", password: "correct-horse-battery" })).access_token;
  personaId = (await client.personas.create({ name: "In Chromium" })).id;

  frontEnd.add("/payload.jpg", jpeg, "image/jpeg");
  frontEnd.add("/", `<!doctype html><html><head>${sdkHead}<script type="module">
    import * as sdk from "@personamedia/sdk";
    window.sdk = sdk;
    document.title = "ready";
  </script></head><body></body></html>`, "text/html; charset=utf-8");
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/upload/persona/")) {
      uploads.push({ url: request.url(), resourceType: request.resourceType() });
    }
  });
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Network.enable");
  await devtools.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 3 * 1024 * 1024 });
  await page.goto(frontEnd.origin + "/");
  await page.waitForFunction(() => document.title === "ready");
}, { timeout: 10 * 60_000 });

after(async () => {
  await browser?.close();
  await service?.stop();
  await frontEnd?.close();
});

interface Arguments {
  baseUrl: string;
  token: string;
  personaId: number;
}

/** The SDK's module as the page imported it. */
declare global {
  interface Window {
    sdk: typeof Sdk;
  }
}

describe("uploads in Chromium", () => {
  test("uploadImage goes by XMLHttpRequest: progress in many steps while the bytes travel, ending at the total; the bytes arrive", async () => {
    const result = await page.evaluate(async ({ baseUrl, token, personaId }: Arguments) => {
      const client = new window.sdk.PersonaMediaClient({ baseUrl, accessToken: token });
      const blob = await (await fetch("/payload.jpg")).blob();
      const events: { loaded: number; total: number; at: number }[] = [];
      const file = await client.media.uploadImage(personaId, blob, {
        filename: "browser.jpg",
        description: "From Chromium",
        onProgress: (progress) => events.push({ ...progress, at: performance.now() }),
      });
      return { file, events };
    }, { baseUrl: service.baseUrl, token, personaId });

    assert.deepEqual(uploads.map((upload) => upload.resourceType), ["xhr"], "sent by XMLHttpRequest");
    const { file, events } = result;
    const total = events[0]!.total;
    assert.ok(total > jpeg.length && total < jpeg.length + 1024);
    for (let i = 1; i < events.length; i++) {
      assert.ok(events[i]!.loaded > events[i - 1]!.loaded, `progress went from ${events[i - 1]!.loaded} to ${events[i]!.loaded}`);
      assert.equal(events[i]!.total, total);
    }
    assert.equal(events.at(-1)!.loaded, total, "the last event has everything sent");
    const partway = events.filter((event) => event.loaded < total);
    // Chromium fires upload progress every 50-100 ms: a 3-second upload gives dozens.
    assert.ok(partway.length >= 10, `only ${partway.length} events before the end: ${JSON.stringify(events)}`);
    assert.ok(events.at(-1)!.at - partway[0]!.at > 1500, `the steps span ${events.at(-1)!.at - partway[0]!.at} ms of a 3-second upload`);

    assert.equal(file.original_filename, "browser.jpg");
    assert.equal(file.description, "From Chromium");
    assert.equal(file.file_size, jpeg.length);
    assert.equal(file.sha256, createHash("sha256").update(jpeg).digest("hex"));
  });

  test("an abort midway rejects with AbortError and the service keeps nothing of it", async () => {
    const before = filesOnDisk(service);
    const result = await page.evaluate(async ({ baseUrl, token, personaId }: Arguments) => {
      const client = new window.sdk.PersonaMediaClient({ baseUrl, accessToken: token });
      const blob = await (await fetch("/payload.jpg")).blob();
      const controller = new AbortController();
      let last = { loaded: 0, total: 0 };
      try {
        await client.media.uploadImage(personaId, blob, {
          filename: "aborted.jpg",
          signal: controller.signal,
          onProgress: (progress) => {
            last = progress;
            if (progress.loaded > 1024 * 1024) {
              controller.abort();
            }
          },
        });
        return { error: "none", last };
      } catch (error) {
        return { error: error instanceof DOMException ? error.name : String(error), last };
      }
    }, { baseUrl: service.baseUrl, token, personaId });
    assert.equal(result.error, "AbortError");
    assert.ok(result.last.loaded > 1024 * 1024 && result.last.loaded < result.last.total, JSON.stringify(result.last));
    await assertNothingLeft(service, before);
    const client = new (await import("../src/index.js")).PersonaMediaClient({ baseUrl: service.baseUrl, accessToken: token });
    assert.equal((await client.media.list(personaId)).items.some((file) => file.original_filename === "aborted.jpg"), false);
  });

  test("a refused upload is a typed PersonaMediaError with the problem's members", async () => {
    const result = await page.evaluate(async ({ baseUrl, token, personaId }: Arguments) => {
      const client = new window.sdk.PersonaMediaClient({ baseUrl, accessToken: token });
      try {
        await client.media.uploadImage(personaId, new Blob(["not an image"]), { filename: "notes.txt", description: "x".repeat(1001) });
        return undefined;
      } catch (error) {
        return error instanceof window.sdk.PersonaMediaError
          ? { status: error.status, detail: error.detail, errors: error.errors, traceId: error.traceId, type: error.response.headers.get("Content-Type") }
          : { status: 0, detail: String(error), errors: undefined, traceId: undefined, type: null };
      }
    }, { baseUrl: service.baseUrl, token, personaId });
    assert.ok(result !== undefined, "the upload succeeded");
    assert.equal(result.status, 400, result.detail);
    assert.match(result.type ?? "", /^application\/problem\+json/);
    assert.equal(typeof result.traceId, "string");
    assert.ok(result.detail.length > 0);
  });
});
