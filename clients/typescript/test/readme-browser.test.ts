// The README's browser example runs as written: its ```html block is served, with only the base
// URL pointed at the service, next to the built SDK at /sdk/ and openapi-fetch at /openapi-fetch/
// as the README says, and headless Chromium does what a user would: create an account, choose a
// photo, see the bar reach the end and the photo appear; then choose a text file and see the refusal.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium, startFrontEnd, type FrontEnd } from "./browser.js";
import { filesOnDisk, realPng, repositoryRoot, startService, type Service } from "./service.js";

let frontEnd: FrontEnd;
let service: Service;
let browser: Browser;

before(async () => {
  frontEnd = await startFrontEnd();
  // Host names on both sides, as the README advises: Chromium counts no two IP origins as one site.
  service = await startService({ Cors__AllowedOrigins__0: frontEnd.localhostOrigin });
  browser = await launchChromium();
}, { timeout: 10 * 60_000 });

after(async () => {
  await browser?.close();
  await service?.stop();
  await frontEnd?.close();
});

function block(): string {
  const readme = readFileSync(join(repositoryRoot(), "clients", "typescript", "README.md"), "utf8");
  const found = [...readme.matchAll(/^```html\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "").find((code) => code.includes("<!-- browser example"));
  assert.ok(found !== undefined, "clients/typescript/README.md has no ```html block with <!-- browser example");
  return found;
}

test("the README's browser example signs up, uploads with a progress bar and shows the photo, in headless Chromium", async () => {
  const readmeBase = '"http://localhost:8000"';
  const html = block();
  assert.ok(html.includes(readmeBase), "the example names the service at http://localhost:8000");
  const apiBase = service.baseUrl.replace("127.0.0.1", "localhost");
  frontEnd.add("/", html.replace(readmeBase, JSON.stringify(apiBase)), "text/html; charset=utf-8");

  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(message.text());
    }
  });
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
      failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    }
  });
  await page.goto(frontEnd.localhostOrigin + "/");

  await page.fill("input[name=email]", "reader@example.com");
  await page.fill("input[name=password]", "correct-horse-battery");
  await page.click("button[name=register]");
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("Signed in") === true, undefined, { timeout: 30_000 });
  assert.equal(await page.textContent("#status"), "Signed in as reader");
  assert.equal(await page.isEnabled("#file"), true);

  const photo = Buffer.from(realPng(320, 200));
  await page.setInputFiles("#file", { name: "gradient.png", mimeType: "image/png", buffer: photo });
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>("#photo");
    return img !== null && img.complete && img.naturalWidth > 0;
  }, undefined, { timeout: 30_000 });
  assert.equal(await page.textContent("#status"), `Uploaded gradient.png (${photo.length} bytes)`);
  assert.equal(await page.$eval("#progress", (bar) => (bar as HTMLProgressElement).value), 1);
  assert.deepEqual(await page.$eval("#photo", (img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]), [320, 200]);
  assert.match(await page.$eval("#photo", (img) => (img as HTMLImageElement).src), /\/media\//);
  assert.equal(filesOnDisk(service).filter((file) => file.includes("/uploads/") && !file.includes(".thumb-")).length, 1); // the original; the worker adds its thumbnails beside it

  await page.setInputFiles("#file", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("400 ") === true, undefined, { timeout: 30_000 });
  assert.match((await page.textContent("#status")) ?? "", /^400 .*\.jpg/);
  assert.deepEqual(failed, [`400 /upload/persona/1/image`], "no other request failed (the page's modules all loaded)");
  assert.deepEqual(problems.filter((text) => !/status of (400|404)/.test(text)), [], "the page threw nothing");
  await page.close();
});
