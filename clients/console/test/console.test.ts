// The console end to end, in headless Chromium against the real service: what a person does, by the
// roles and labels a screen reader would use, with every request to another host refused and counted,
// an axe-core scan of each screen, and a screenshot of each into test-artifacts/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { PersonaMediaClient } from "@personamedia/sdk";
import { launch, makeFixtures, makeGalleryImages, missingTool, open, screenshot, seriousViolations, type Fixtures, type Guarded } from "./browser.js";
import { startService, type Service } from "./service.js";

const missing = missingTool();
const required = process.env["PERSONAMEDIA_TEST_REQUIRE_BROWSER"] === "1";
if (missing !== undefined && required) throw new Error(`PERSONAMEDIA_TEST_REQUIRE_BROWSER=1 but ${missing}`);
const skip = missing === undefined ? false : missing;

let service: Service;
let browser: Browser;
let fixtures: Fixtures;
let accounts = 0;
/** Generous: the machine may be loaded; a hang still ends the test. */
const testTimeout = 180_000;
const galleryTimeout = 420_000;

before(async () => {
  if (skip !== false) return;
  fixtures = makeFixtures();
  service = await startService();
  browser = await launch();
}, { timeout: 12 * 60_000 });

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** A page's failures that are not the service's answers (a refused request logs "Failed to load resource"). */
function unexpected(guarded: Guarded): string[] {
  return guarded.errors.filter((error) => !error.includes("Failed to load resource"));
}

async function clean(guarded: Guarded, screen: string): Promise<void> {
  const violations = await seriousViolations(guarded.page);
  assert.deepEqual(violations, [], `axe-core: serious or critical violations on ${screen}`);
}

async function done(guarded: Guarded): Promise<void> {
  assert.deepEqual(guarded.foreign, [], "requests to a host other than the service");
  assert.deepEqual(unexpected(guarded), [], "errors on the page");
  await guarded.context.close();
}

export interface Account {
  email: string;
  username: string;
  password: string;
}

export function newAccount(): Account {
  accounts++;
  const id = `${Date.now().toString(36)}${accounts}`;
  return { email: `user-${id}@example.com`, username: `user${id}`, password: "correct-horse-battery" };
}

/** Signs up through the form; the console is then on its personas screen. */
async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/console");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Full name (optional)").fill("Ada Example");
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Personas", level: 1 }).waitFor();
}

async function addPersona(page: Page, name: string, relation: string): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Relation (optional)").fill(relation);
  await page.getByRole("button", { name: "Add persona" }).click();
  await page.getByRole("link", { name }).waitFor();
}

/** Hands files to the drop area the way a drag from the desktop does: a DataTransfer holding File objects. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((path) => ({ name: basename(path), type: mimeOf(path), data: readFileSync(path).toString("base64") }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    return transfer;
  }, files);
  const zone = page.getByTestId("dropzone");
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

function mimeOf(path: string): string {
  return path.endsWith(".mp4") ? "video/mp4" : path.endsWith(".png") ? "image/png" : "image/jpeg";
}

function uploadRow(page: Page, name: string) {
  return page.getByRole("list", { name: "Uploads" }).getByRole("listitem").filter({ hasText: name });
}

async function waitForState(page: Page, name: string, state: string): Promise<void> {
  await uploadRow(page, name).and(page.locator(`[data-state="${state}"]`)).waitFor({ timeout: 60_000 });
}

/** Waits until every thumbnail on the page has decoded; returns how many there are. */
async function thumbnailsLoaded(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => {
    const images = [...document.querySelectorAll<HTMLImageElement>(".grid img[data-file-id]")];
    return images.length >= n && images.every((image) => image.complete && image.naturalWidth > 0);
  }, count, { timeout: 60_000 });
}

describe("console", { skip }, () => {
  test("is served at /console with its own policy and cache headers", { timeout: testTimeout }, async () => {
    const redirect = await fetch(`${service.baseUrl}/console`, { redirect: "manual" });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get("Location"), "/console/");
    const page = await fetch(`${service.baseUrl}/console/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("Content-Type") ?? "", /^text\/html/);
    assert.equal(page.headers.get("Cache-Control"), "no-cache");
    assert.match(page.headers.get("Content-Security-Policy") ?? "", /default-src 'self'; script-src 'self'/);
    const html = await page.text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    assert.ok(script?.startsWith("/console/assets/"), `the page's script: ${script}`);
    const asset = await fetch(`${service.baseUrl}${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get("Content-Type") ?? "", /javascript/);
    assert.equal(asset.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
    const unknown = await fetch(`${service.baseUrl}/console/no-such-file.js`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get("Content-Type") ?? "", /application\/problem\+json/);
  });

  test("signs up, signs out, signs in, and adds, edits and deletes a persona (with confirmation)", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    const account = newAccount();

    await page.goto("/console");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await clean(guarded, "sign-in");
    await screenshot(page, "01-sign-in");

    await signUp(page, account);
    await page.getByText("No personas yet").waitFor();
    await addPersona(page, "Grandma", "family");
    await page.getByLabel("Name", { exact: true }).fill("Jonas");
    await page.getByRole("button", { name: "Add persona" }).click();
    await page.getByRole("link", { name: "Jonas" }).waitFor();
    await clean(guarded, "personas");
    await screenshot(page, "02-personas");

    // Wrong password: the service's one message for any failed sign-in, shown in the form.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /incorrect|invalid/i);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Grandma" }).click();
    await page.getByRole("heading", { name: "Grandma", level: 1 }).waitFor();

    await page.getByRole("button", { name: "Edit persona" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Grandma Rose");
    await page.getByLabel("Description (optional)").fill("Loves gardening");
    await page.getByRole("button", { name: "Save persona" }).click();
    await page.getByRole("heading", { name: "Grandma Rose", level: 1 }).waitFor();
    await page.getByText("Loves gardening").waitFor();
    await clean(guarded, "persona");
    await screenshot(page, "03-persona");

    // Delete asks first; Cancel keeps the persona, the dialog's Delete removes it.
    await page.getByRole("button", { name: "Delete persona" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Grandma Rose?" });
    await dialog.waitFor();
    await clean(guarded, "delete confirmation");
    await screenshot(page, "04-delete-confirmation");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("heading", { name: "Grandma Rose", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Delete persona" }).click();
    await dialog.getByRole("button", { name: "Delete persona" }).click();
    await page.getByRole("heading", { name: "Personas", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Jonas" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Grandma Rose" }).count(), 0);

    await done(guarded);
  });

  test("keeps the session through an expired access token by refreshing it", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    await signUp(page, newAccount());
    await addPersona(page, "Mira", "friend");
    // The access token goes bad (as one does after 15 minutes); the refresh token still holds.
    await page.evaluate(() => {
      const key = "personamedia.session";
      const stored = JSON.parse(sessionStorage.getItem(key) ?? "{}") as { accessToken: string };
      sessionStorage.setItem(key, JSON.stringify({ ...stored, accessToken: `${stored.accessToken}x` }));
    });
    await page.reload();
    await page.getByRole("link", { name: "Mira" }).waitFor();
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem("personamedia.session") ?? "{}") as { accessToken: string });
    assert.ok(!stored.accessToken.endsWith("x"), "a new access token replaced the bad one");
    await done(guarded);
  });

  test("asks to sign in again when the session cannot be refreshed", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    await signUp(page, newAccount());
    // Both tokens go bad (the refresh token revoked, say): the console says so and shows the sign-in form.
    await page.evaluate(() => sessionStorage.setItem("personamedia.session", JSON.stringify({ accessToken: "x.y.z", refreshToken: "revoked" })));
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("Your session has ended. Sign in again.").waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem("personamedia.session")), null);
    await done(guarded);
  });

  test("signs out on the service too: the refresh token stops working", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    await signUp(page, newAccount());
    const { refreshToken } = await page.evaluate(() => JSON.parse(sessionStorage.getItem("personamedia.session") ?? "{}") as { refreshToken: string });
    const logout = page.waitForResponse((response) => response.url().endsWith("/auth/logout"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    assert.equal((await logout).status(), 200);
    const refreshed = await fetch(`${service.baseUrl}/auth/refresh`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ refresh_token: refreshToken }) });
    assert.equal(refreshed.status, 401);
    await done(guarded);
  });

  test("is usable by keyboard alone", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    const account = newAccount();
    await page.goto("/console/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    // Tab to the "Create an account" switch and press it, then fill the form field by field.
    await page.getByLabel("Email", { exact: true }).focus();
    for (let i = 0; i < 10 && !(await page.getByRole("button", { name: "Create an account" }).evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await page.getByLabel("Email", { exact: true }).focus();
    await page.keyboard.type(account.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(account.username);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type(account.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Personas", level: 1 }).waitFor();
    await page.getByLabel("Name", { exact: true }).focus();
    await page.keyboard.type("Keyboard Kate");
    await page.keyboard.press("Enter");
    const link = page.getByRole("link", { name: "Keyboard Kate" });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Keyboard Kate", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Delete persona" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Delete Keyboard Kate?" });
    await dialog.waitFor();
    // Focus is inside the dialog (on Cancel); Escape closes it.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await done(guarded);
  });
  test("uploads dropped files with progress, shows a refusal's reason, and shows, edits and deletes them", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    const ranges: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/media/") && request.headers()["range"] !== undefined) ranges.push(request.headers()["range"] ?? "");
    });
    await signUp(page, newAccount());
    await addPersona(page, "Grandma", "family");
    await page.getByRole("link", { name: "Grandma" }).click();
    await page.getByRole("heading", { name: "Grandma", level: 1 }).waitFor();

    await dropFiles(page, [fixtures.jpeg, fixtures.png, fixtures.mp4, fixtures.mismatched]);
    await waitForState(page, "garden.jpg", "done");
    await waitForState(page, "birthday.png", "done");
    await waitForState(page, "beach.mp4", "done");
    await waitForState(page, "not-really.jpg", "refused");
    const refusal = await uploadRow(page, "not-really.jpg").innerText();
    assert.match(refusal, /Refused: File content does not match the file's extension, which promises JPEG: it is PNG data\./);
    assert.equal(await uploadRow(page, "garden.jpg").getByRole("progressbar").getAttribute("value"), "100");
    await clean(guarded, "uploads");
    await screenshot(page, "05-uploads");

    // The gallery: three files, the two images as 160 px thumbnails (the video as a tile of its own).
    await page.getByText("3 files").waitFor();
    await thumbnailsLoaded(page, 2);
    const widths = await page.locator(".grid img[data-file-id]").evaluateAll((images) => images.map((image) => Math.max((image as HTMLImageElement).naturalWidth, (image as HTMLImageElement).naturalHeight)));
    assert.deepEqual(widths, [160, 160]);
    await clean(guarded, "gallery");
    await screenshot(page, "06-gallery");

    // The viewer: the original image from its signed URL, then a new description.
    await page.getByRole("button", { name: "Open garden.jpg (photo)" }).click();
    const viewer = page.getByRole("dialog", { name: "garden.jpg" });
    await viewer.waitFor();
    const image = viewer.getByTestId("viewer-image");
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>("[data-testid=viewer-image]")?.naturalWidth ?? 0) > 0);
    assert.equal(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth), 1280);
    assert.match((await image.getAttribute("src")) ?? "", new RegExp(`^${service.baseUrl}/media/`));
    await viewer.getByLabel("Description").fill("Grandma's roses in June");
    await viewer.getByRole("button", { name: "Save description" }).click();
    await viewer.getByText("Description saved.").waitFor();
    await clean(guarded, "image viewer");
    await screenshot(page, "07-viewer-image");
    await page.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: /^Open Grandma's roses in June\s*, garden\.jpg \(photo\)$/ }).waitFor();

    // The video seeks: the browser asks the signed URL for ranges, and plays from the middle.
    await page.getByRole("button", { name: "Open beach.mp4 (video)" }).click();
    const videoViewer = page.getByRole("dialog", { name: "beach.mp4" });
    await videoViewer.waitFor();
    const video = videoViewer.getByTestId("viewer-video");
    await video.waitFor();
    const seeked = await video.evaluate(async (element) => {
      const media = element as HTMLVideoElement;
      media.muted = true;
      if (media.readyState < 1) await new Promise((resolve) => media.addEventListener("loadedmetadata", resolve, { once: true }));
      const duration = media.duration;
      await new Promise<void>((resolve) => {
        media.addEventListener("seeked", () => resolve(), { once: true });
        media.currentTime = duration / 2;
      });
      const at = media.currentTime;
      await media.play();
      // Playing on: time passes beyond the seek (given 15 s, for a loaded machine).
      await new Promise<void>((resolve) => {
        const started = performance.now();
        const check = (): void => {
          if (media.currentTime > at + 0.1 || performance.now() - started > 15_000) resolve();
          else setTimeout(check, 50);
        };
        check();
      });
      return { duration, at, later: media.currentTime, paused: media.paused, readyState: media.readyState };
    });
    assert.ok(Math.abs(seeked.duration - 8) < 0.2, `duration ${seeked.duration}`);
    assert.ok(Math.abs(seeked.at - 4) < 0.1, `seeked to ${seeked.at}`);
    assert.ok(seeked.later > seeked.at && !seeked.paused, `plays on from the middle: ${JSON.stringify(seeked)}`);
    assert.ok(ranges.length > 0, "the video was loaded with Range requests");
    await clean(guarded, "video viewer");
    await screenshot(page, "08-viewer-video");

    // Delete, after a confirmation.
    await videoViewer.getByRole("button", { name: "Delete file" }).click();
    const confirmation = page.getByRole("dialog", { name: "Delete beach.mp4?" });
    await confirmation.getByRole("button", { name: "Delete file" }).click();
    await videoViewer.waitFor({ state: "hidden" });
    await page.getByText("2 files").waitFor();
    assert.equal(await page.getByRole("button", { name: "Open beach.mp4 (video)" }).count(), 0);

    // Usage: the chart and its table, per persona.
    await page.getByRole("link", { name: "Usage" }).click();
    await page.getByRole("heading", { name: "Photos and videos per persona" }).waitFor();
    const row = page.getByRole("row", { name: /Grandma/ });
    assert.deepEqual(await row.getByRole("cell").allInnerTexts().then((cells) => cells.slice(0, 2)), ["2", "0"]);
    assert.match((await page.getByRole("img").first().getAttribute("aria-labelledby")) ?? "", /./);
    await clean(guarded, "usage");
    await screenshot(page, "09-usage");
    await done(guarded);
  });

  test("fits a 360 px wide screen", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl, { width: 360, height: 740 });
    const { page } = guarded;
    const fits = async (screen: string): Promise<void> => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${screen} is ${width} px wide at 360`);
      await screenshot(page, `360-${screen}`);
    };
    await page.goto("/console/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await fits("sign-in");
    await signUp(page, newAccount());
    await addPersona(page, "Grandfather Bartholomew of the Long Name", "family");
    await fits("personas");
    await page.getByRole("link", { name: "Grandfather Bartholomew" }).click();
    // The file picker, as a person without a mouse to drag with uses it.
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Choose files…" }).click();
    await (await chooser).setFiles([fixtures.jpeg, fixtures.mismatched]);
    await waitForState(page, "garden.jpg", "done");
    await waitForState(page, "not-really.jpg", "refused");
    await thumbnailsLoaded(page, 1);
    await fits("persona");
    await page.getByRole("button", { name: "Open garden.jpg (photo)" }).click();
    await page.getByRole("dialog", { name: "garden.jpg" }).waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>("[data-testid=viewer-image]")?.naturalWidth ?? 0) > 0);
    const dialogWidth = await page.getByRole("dialog").evaluate((dialog) => dialog.getBoundingClientRect().width);
    assert.ok(dialogWidth <= 360, `the viewer is ${dialogWidth} px wide`);
    await fits("viewer");
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Usage" }).click();
    await page.getByRole("heading", { name: "Photos and videos per persona" }).waitFor();
    await fits("usage");
    await done(guarded);
  });

  test("cancels an upload on its way, and nothing of it is kept", { timeout: testTimeout }, async () => {
    const guarded = await open(browser, service.baseUrl);
    const { page } = guarded;
    await signUp(page, newAccount());
    await addPersona(page, "Slow Sam", "friend");
    await page.getByRole("link", { name: "Slow Sam" }).click();
    await page.getByRole("heading", { name: "Slow Sam", level: 1 }).waitFor();
    // A slow uplink (256 KiB/s) keeps the 6 MiB upload going long enough to cancel it.
    const cdp = await guarded.context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await dropFiles(page, [fixtures.large]);
    await waitForState(page, "large.mp4", "uploading");
    // The bar moves as the bytes leave: wait for it to pass 5%, then cancel before it is done.
    const bar = uploadRow(page, "large.mp4").getByRole("progressbar");
    await page.waitForFunction((element) => Number((element as HTMLProgressElement).value) >= 5, await bar.elementHandle());
    const before = Number(await bar.getAttribute("value"));
    assert.ok(before >= 5 && before < 100, `progress ${before}% before the cancel`);
    assert.match(await uploadRow(page, "large.mp4").innerText(), /Uploading, \d+%/);
    await screenshot(page, "10-upload-in-progress");
    await page.getByRole("button", { name: "Cancel upload of large.mp4" }).click();
    await waitForState(page, "large.mp4", "cancelled");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.equal(await page.getByRole("button", { name: "Cancel upload of large.mp4" }).count(), 0);
    await page.getByText("Nothing here yet.").waitFor();
    const stats = await page.evaluate(async () => {
      const { accessToken } = JSON.parse(sessionStorage.getItem("personamedia.session") ?? "{}") as { accessToken: string };
      return (await fetch("/upload/stats", { headers: { Authorization: `Bearer ${accessToken}` } })).json() as Promise<{ total_files: number }>;
    });
    assert.equal(stats.total_files, 0);
    await done(guarded);
  });

  test("a gallery of 100 images transfers less than 5% of the originals' bytes", { timeout: galleryTimeout }, async () => {
    const client = new PersonaMediaClient({ baseUrl: service.baseUrl });
    const account = newAccount();
    const tokens = await client.auth.register({ email: account.email, username: account.username, password: account.password });
    const persona = await client.personas.create({ name: "Hundred", relation_type: "family" });
    let originals = 0;
    for (const path of makeGalleryImages(100)) {
      const media = await client.media.uploadImage(persona.id, new Blob([readFileSync(path)], { type: "image/jpeg" }), { filename: basename(path) });
      originals += media.file_size;
    }

    // A phone-sized screen: the first page's later tiles are below the fold, and wait.
    const guarded = await open(browser, service.baseUrl, { width: 360, height: 640 });
    const { page } = guarded;
    await page.goto("/console/");
    await page.evaluate((stored) => sessionStorage.setItem("personamedia.session", JSON.stringify(stored)), { accessToken: tokens.access_token, refreshToken: tokens.refresh_token });
    await page.goto(`/console/#/personas/${persona.id}`);
    await page.reload();
    await page.getByText("100 files").waitFor();
    await page.waitForTimeout(500);
    const early = await page.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((entry) => entry.name.includes("/thumbnail") || (entry.initiatorType === "img" && entry.name.includes("/media/"))).length);
    assert.ok(early > 0 && early < 24, `before scrolling, ${early} of the first page's 24 thumbnails were asked for`);

    for (let pageNumber = 1; ; pageNumber++) {
      const tiles = page.locator(".grid li");
      const count = await tiles.count();
      for (let i = 0; i < count; i += 4) await tiles.nth(i).scrollIntoViewIfNeeded();
      await tiles.last().scrollIntoViewIfNeeded();
      await thumbnailsLoaded(page, count);
      const next = page.getByRole("button", { name: "Next page" });
      if (await next.isDisabled()) break;
      await next.click();
      await page.getByRole("list", { name: `Files, page ${pageNumber + 1} of 5` }).waitFor();
    }

    const transfer = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")] as PerformanceResourceTiming[];
      return {
        bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
        // Through the bearer path (fetch of /thumbnail) or a signed URL in <img src> (/media/...).
        thumbnails: entries.filter((entry) => entry.name.includes("/thumbnail") || (entry.initiatorType === "img" && entry.name.includes("/media/"))).length,
        // Every original is 0.8 MB or more, every thumbnail a few kB: nothing of 200 kB was fetched.
        large: entries.filter((entry) => entry.transferSize > 200_000 || entry.name.includes("/download")).map((entry) => entry.name),
      };
    });
    const share = transfer.bytes / originals;
    console.log(`gallery of 100 images: ${transfer.bytes} bytes transferred (${transfer.thumbnails} thumbnails, the page, its script and the lists) for ${originals} bytes of originals: ${(share * 100).toFixed(2)}%`);
    assert.equal(transfer.thumbnails, 100);
    assert.deepEqual(transfer.large, [], "no original was fetched");
    assert.ok(share < 0.05, `transferred ${(share * 100).toFixed(2)}% of the originals' bytes`);
    await done(guarded);
  });
});
