// Headless Chromium for the SDK's browser tests: Debian's chromium (scripts/lib/ensure-chromium.sh
// installs it when missing; scripts/test.sh gives its path in PERSONAMEDIA_TEST_CHROMIUM) driven by
// playwright-core, and a front-end's web server on its own loopback origin that serves the built
// SDK as ES modules (an import map names openapi-fetch's), as an app without a bundler would.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { repositoryRoot } from "./service.js";

const sdk = join(repositoryRoot(), "clients", "typescript");

export function chromiumPath(): string {
  const configured = process.env["PERSONAMEDIA_TEST_CHROMIUM"];
  if (configured !== undefined && configured !== "") {
    return configured;
  }
  const ensured = spawnSync(join(repositoryRoot(), "scripts", "lib", "ensure-chromium.sh"), { encoding: "utf8", timeout: 10 * 60_000 });
  if (ensured.status !== 0) {
    throw new Error(`scripts/lib/ensure-chromium.sh failed (${ensured.status ?? ensured.signal}):\n${ensured.stderr}`);
  }
  return ensured.stdout.trim();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    chromiumSandbox: false, // runs as root here, where Chromium's sandbox cannot start
    timeout: 60_000,
    args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface FrontEnd {
  /** `http://127.0.0.1:port`, the origin to allow in the service's Cors:AllowedOrigins. */
  origin: string;
  /** The same server as `http://localhost:port`: of the same site as a service reached as localhost. */
  localhostOrigin: string;
  /** Serves `body` at `path` (a page, a payload) from now on. */
  add(path: string, body: string | Uint8Array, contentType: string): void;
  close(): Promise<void>;
}

/** The import map and module script that put the SDK at `window.sdk`: a page's head. */
export const sdkHead = `<script type="importmap">{"imports":{"@personamedia/sdk":"/sdk/index.js","openapi-fetch":"/openapi-fetch/index.mjs"}}</script>`;

const types: Record<string, string> = { ".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json", ".html": "text/html; charset=utf-8" };

/**
 * `/sdk/*` is the built dist/, `/openapi-fetch/*` that package's dist/ (as the README's browser
 * example says to serve them), anything else what a test added.
 */
export async function startFrontEnd(): Promise<FrontEnd> {
  const roots: Record<string, string> = {
    "/sdk/": join(sdk, "dist"),
    "/openapi-fetch/": join(sdk, "node_modules", "openapi-fetch", "dist"),
  };
  const added = new Map<string, { body: string | Uint8Array; contentType: string }>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://front.end").pathname;
    const page = added.get(path);
    if (page !== undefined) {
      response.writeHead(200, { "Content-Type": page.contentType, "Cache-Control": "no-store" });
      response.end(page.body);
      return;
    }
    for (const [prefix, folder] of Object.entries(roots)) {
      if (path.startsWith(prefix)) {
        const file = normalize(join(folder, path.slice(prefix.length)));
        if (file.startsWith(folder + sep) && existsSync(file)) {
          response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
          response.end(readFileSync(file));
          return;
        }
      }
    }
    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("the front-end server has no TCP address");
  }
  return {
    origin: `http://127.0.0.1:${address.port}`,
    localhostOrigin: `http://localhost:${address.port}`,
    add: (path, body, contentType) => added.set(path, { body, contentType }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
