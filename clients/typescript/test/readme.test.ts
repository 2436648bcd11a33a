// The README's Node example runs as written: its block is compiled with tsc --strict (importing the
// built package by its own name, as an app would) and run against a fresh service; only the base
// URL is pointed at it. The example makes the file it uploads itself.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { repositoryRoot, startService, type Service } from "./service.js";

const sdk = join(repositoryRoot(), "clients", "typescript");
let service: Service;
let work: string;

before(async () => {
  service = await startService();
  work = mkdtempSync(join(tmpdir(), "personamedia-sdk-readme-"));
}, { timeout: 10 * 60_000 });

after(async () => {
  await service?.stop();
  if (work !== undefined) {
    rmSync(work, { recursive: true, force: true });
  }
});

/** The first ```ts block of clients/typescript/README.md that contains the marker. */
function block(marker: string): string {
  const readme = readFileSync(join(sdk, "README.md"), "utf8");
  const found = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "").find((code) => code.includes(marker));
  assert.ok(found !== undefined, `clients/typescript/README.md has no \`\`\`ts block with "${marker}"`);
  return found;
}

test("the README's Node example compiles strictly and runs against the service", () => {
  const readmeBase = '"http://localhost:8000"';
  const code = block("// node example");
  assert.ok(code.includes(readmeBase), "the example names the service at http://localhost:8000");

  // Inside the package, so that "@personamedia/sdk" resolves to the built dist/ by the package's own name.
  const folder = join(sdk, "out", "readme");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "example.ts"), code.replace(readmeBase, JSON.stringify(service.baseUrl)));
  writeFileSync(join(folder, "tsconfig.json"), JSON.stringify({
    extends: "../../tsconfig.json",
    compilerOptions: { types: ["node"], outDir: ".", rootDir: ".", declaration: false, sourceMap: false },
    files: ["example.ts"],
  }));
  const compiled = spawnSync(process.execPath, [join(sdk, "node_modules", "typescript", "bin", "tsc"), "-p", folder], { encoding: "utf8" });
  assert.equal(compiled.status, 0, `tsc:\n${compiled.stdout}${compiled.stderr}`);

  const run = spawnSync(process.execPath, [join(folder, "example.js")], { cwd: work, encoding: "utf8", timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, output);
  assert.match(output, /^sent \d+ bytes$/m);
  assert.ok(Number(/^sent (\d+) bytes$/m.exec(output)?.[1]) > 2048, "the whole form went out: the file and its parts' headers");
  assert.match(output, /^1 \[ 'photo\.jpg' \]$/m);
  assert.match(output, /^206$/m);
  assert.match(output, /^304$/m);
  assert.match(output, /total_files: 1/);
  assert.match(output, /^404 File not found \S+$/m);
  // What is stored is the photo without its metadata (privacy by default): the download is what its ETag names.
  const downloaded = readFileSync(join(work, "downloaded.jpg"));
  assert.deepEqual([...downloaded.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  const etag = /^photo\.jpg image\/jpeg "([0-9a-f]{64})"$/m.exec(output)?.[1];
  assert.equal(etag, createHash("sha256").update(downloaded).digest("hex"), output);
});
