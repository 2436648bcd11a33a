// Retries against the real service behind a small loopback proxy that answers the first requests
// of a plan itself (a 503 or 429 with Retry-After, or a dropped connection) and forwards the rest.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, beforeEach, describe, test } from "node:test";
import { PersonaMediaClient, PersonaMediaError } from "../src/index.js";
import { payloads, startService } from "./service.js";
let service;
let proxy;
let proxyUrl;
let token;
let plan = [];
let seen = [];
before(async () => {
    service = await startService();
    const upstream = new URL(service.baseUrl);
    proxy = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        const step = plan.shift();
        if (step === "drop") {
            req.socket.destroy();
            return;
        }
        if (step !== undefined) {
            req.resume();
            req.on("end", () => {
                res.writeHead(step, { "Content-Type": "application/problem+json", "Retry-After": "1" });
                res.end(JSON.stringify({ type: "about:blank", title: "Try again", status: step, detail: "Try again after Retry-After seconds.", trace_id: "proxy" }));
            });
            return;
        }
        const forwarded = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        forwarded.on("error", () => res.destroy());
        req.pipe(forwarded);
    });
    await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${proxy.address().port}`;
    const direct = new PersonaMediaClient({ baseUrl: service.baseUrl });
    token = (await direct.auth.register({ email: "retry@example.com", username: "retry", password: "correct-horse-battery" })).access_token;
}, { timeout: 10 * 60_000 });
after(async () => {
    proxy?.closeAllConnections();
    await new Promise((resolve) => (proxy === undefined ? resolve() : proxy.close(() => resolve())));
    await service?.stop();
});
beforeEach(() => {
    plan = [];
    seen = [];
});
function client(options = {}) {
    return new PersonaMediaClient({ baseUrl: proxyUrl, accessToken: token, ...options });
}
async function problem(call) {
    try {
        await call;
    }
    catch (error) {
        assert.ok(error instanceof PersonaMediaError, String(error));
        return error;
    }
    assert.fail("the call succeeded");
}
describe("retry", () => {
    test("an upload answered 503 with Retry-After is sent again after that wait, and stored once", async () => {
        const sdk = client();
        const persona = await sdk.personas.create({ name: "Retry" });
        plan = [503];
        seen = [];
        const started = Date.now();
        const media = await sdk.media.uploadImage(persona.id, new Blob([payloads.jpeg(4_000)]), { filename: "photo.jpg" });
        assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms for Retry-After: 1`);
        assert.equal(media.file_size, 4_000);
        assert.deepEqual(seen, [`POST /upload/persona/${persona.id}/image`, `POST /upload/persona/${persona.id}/image`]);
        assert.equal((await sdk.media.list(persona.id)).total, 1, "the second try carried the whole body, and only it was stored");
    });
    test("a GET that gets no answer is tried again; a POST that gets none is not", async () => {
        const sdk = client({ retry: { baseDelayMs: 10 } });
        plan = ["drop"];
        assert.ok(Array.isArray(await sdk.personas.list()));
        assert.deepEqual(seen, ["GET /personas", "GET /personas"]);
        plan = ["drop"];
        seen = [];
        await assert.rejects(sdk.personas.create({ name: "Maybe made" }), TypeError);
        assert.deepEqual(seen, ["POST /personas"]);
    });
    test("429 is tried `retries` more times, then thrown with its Retry-After", async () => {
        plan = [429, 429, 429];
        const error = await problem(client({ retry: { retries: 1 } }).auth.me());
        assert.equal(error.status, 429);
        assert.equal(error.retryAfter, 1);
        assert.equal(seen.length, 2);
    });
    test("retry: false, or a Retry-After beyond maxDelayMs, answers at once", async () => {
        plan = [503];
        assert.equal((await problem(client({ retry: false }).auth.me())).status, 503);
        assert.equal(seen.length, 1);
        plan = [503];
        seen = [];
        const started = Date.now();
        assert.equal((await problem(client({ retry: { maxDelayMs: 100 } }).auth.me())).status, 503);
        assert.ok(Date.now() - started < 900);
        assert.equal(seen.length, 1);
    });
    test("an abort during the wait ends it", async () => {
        plan = [503];
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 100);
        const started = Date.now();
        await assert.rejects(client().auth.me(controller.signal), { name: "AbortError" });
        assert.ok(Date.now() - started < 900);
    });
});
//# sourceMappingURL=retry.test.js.map