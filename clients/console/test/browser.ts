// Headless Chromium for the console's tests: Debian's `chromium` driven by playwright-core through
// `executablePath` (no browser is ever downloaded), a context per test that records and blocks every
// request to a host other than the service, the axe-core scan, screenshots, and media files made by ffmpeg.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { repositoryRoot } from "./service.js";

export const chromiumPath = process.env["PERSONAMEDIA_TEST_CHROMIUM"] ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export function missingTool(): string | undefined {
  if (!existsSync(chromiumPath)) return `Chromium is not installed at ${chromiumPath} (scripts/lib/ensure-chromium.sh installs it)`;
  if (spawnSync("ffmpeg", ["-version"], { stdio: "ignore" }).status !== 0) return "ffmpeg is not installed (scripts/lib/ensure-tools.sh installs it)";
  return undefined;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Every request the page made to another origin than the service (each was refused). */
  foreign: string[];
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
}

/** A fresh context (no storage) that lets requests reach the service's origin only. */
export async function open(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 900 }): Promise<Guarded> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  context.setDefaultTimeout(60_000);   // a loaded machine (two cores, several test runs) is slow, not broken
  const foreign: string[] = [];
  const errors: string[] = [];
  const origin = new URL(baseUrl).origin;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) {
      await route.continue();
    } else {
      foreign.push(url);
      await route.abort("blockedbyclient");
    }
  });
  // Room for every resource of a long session (the default buffer holds 250 entries).
  await context.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return { context, page, foreign, errors };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules and best practices). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Through the DevTools protocol's evaluate, which the page's Content-Security-Policy does not restrict.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Test artifacts (screenshots) go to clients/console/test-artifacts, which git ignores. */
export const artifacts = join(repositoryRoot(), "clients", "console", "test-artifacts");

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

export interface Fixtures {
  dir: string;
  /** A 1280×960 JPEG and a 1024×768 PNG of ffmpeg's test pattern. */
  jpeg: string;
  png: string;
  /** An 8-second 640×360 H.264 MP4 with a keyframe every second, `moov` first. */
  mp4: string;
  /** PNG bytes under a .jpg name: the service refuses it, saying the content does not match. */
  mismatched: string;
  /** A 6 MiB MP4-shaped file of noise: slow enough on a throttled link to be cancelled. */
  large: string;
}

function ffmpeg(args: string[]): void {
  const run = spawnSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`ffmpeg ${args.join(" ")} failed: ${run.stderr}`);
}

export function makeFixtures(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), "personamedia-console-media-"));
  const jpeg = join(dir, "garden.jpg");
  const png = join(dir, "birthday.png");
  const mp4 = join(dir, "beach.mp4");
  const mismatched = join(dir, "not-really.jpg");
  const large = join(dir, "large.mp4");
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=1280x960", "-frames:v", "1", "-q:v", "3", jpeg]);
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=1024x768", "-frames:v", "1", png]);
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "8", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25", "-movflags", "+faststart", mp4]);
  copyFileSync(png, mismatched);
  // A real MP4 header, then noise: the upload is refused only at the end, if it gets there.
  const header = readFileSync(mp4).subarray(0, 32);
  const noise = new Uint8Array(6 * 1024 * 1024);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  noise.set(header);
  writeFileSync(large, noise);
  return { dir, jpeg, png, mp4, mismatched, large };
}

/**
 * `count` different 1600×1200 JPEGs for the gallery's byte count: frames of the moving test pattern
 * with film grain, so that they compress like photographs (about 0.9 MB each; a flat test pattern
 * would be 70 kB, smaller than any camera's picture).
 */
export function makeGalleryImages(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), "personamedia-console-gallery-"));
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=1600x1200:rate=5", "-vf", "noise=alls=20:allf=t", "-frames:v", String(count), "-q:v", "3", join(dir, "photo-%03d.jpg")]);
  return Array.from({ length: count }, (_, i) => join(dir, `photo-${String(i + 1).padStart(3, "0")}.jpg`));
}
