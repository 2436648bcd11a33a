// Builds the console into dist/: the SDK it depends on (../typescript, installed with `npm ci` and
// built with tsc when its output is missing or older than its sources), this package's own
// dependencies (`npm ci` when node_modules is missing or older than the lock file), a strict type
// check, then `vite build`. Run by `npm run build` and by the WebApi build (WebApi.csproj), so
// `dotnet run --project src/WebApi` serves a current console at /console.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const consoleRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const sdkRoot = join(consoleRoot, "..", "typescript");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command, args, cwd) {
  console.log(`console: ${command} ${args.join(" ")} (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    throw new Error(`console: ${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
  }
}

/** The newest modification time of a file or of any file below a folder; 0 when there is none. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

function installed(root) {
  const marker = join(root, "node_modules", ".package-lock.json");
  return existsSync(marker) && newest(marker) >= newest(join(root, "package-lock.json"));
}

// Two builds of the WebApi project at once (a solution build) must not write dist/ together.
const lock = join(consoleRoot, ".build.lock");
for (let waited = 0; ; waited += 250) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // A build killed on the way leaves its lock: one older than ten minutes is taken as such.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (waited > 300_000) {
      console.error(`console: ${lock} is held for more than 5 minutes; remove it if no build is running`);
      process.exit(1);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}
try {
  if (!installed(sdkRoot)) run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], sdkRoot);
  if (newest(join(sdkRoot, "dist")) < Math.max(newest(join(sdkRoot, "src")), newest(join(sdkRoot, "package.json")))) {
    run(npm, ["run", "--silent", "build"], sdkRoot);
  }
  if (!installed(consoleRoot)) run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], consoleRoot);
  run(process.execPath, [join(consoleRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--noEmit"], consoleRoot);
  run(process.execPath, [join(consoleRoot, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], consoleRoot);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(lock, { recursive: true, force: true });
}
