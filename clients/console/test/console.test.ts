// The console end to end, in headless Chromium against the real service: what a person does, by the
// roles and labels a screen reader would use, with every request to another host refused and counted,
// an axe-core scan of each screen, and a screenshot of each into test-artifacts/.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launch, makeFixtures, missingTool, open, screenshot, seriousViolations, type Fixtures, type Guarded } from "./browser.js";
import { startService, type Service } from "./service.js";

const missing = missingTool();
const required = process.env["PERSONAMEDIA_TEST_REQUIRE_BROWSER"] === "1";
if (missing !== undefined && required) throw new Error(`PERSONAMEDIA_TEST_REQUIRE_BROWSER=1 but ${missing}`);
const skip = missing === undefined ? false : missing;

let service: Service;
let browser: Browser;
let fixtures: Fixtures;
let accounts = 0;

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

describe("console", { skip }, () => {
  test("is served at /console with its own policy and cache headers", async () => {
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

  test("signs up, signs out, signs in, and adds, edits and deletes a persona (with confirmation)", async () => {
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

  test("keeps the session through an expired access token by refreshing it", async () => {
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

  test("is usable by keyboard alone", async () => {
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
});
