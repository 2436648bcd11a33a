// Starts the real PersonaMedia service for the SDK's tests: src/WebApi built (incrementally) and run
// as its own process in Production, on a free loopback port, with a SQLite file and an upload folder
// in a fresh temporary directory, and stopped (and that directory removed) afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Service {
  baseUrl: string;
  /** The service's folder: `personamedia.db`, `uploads/` and `tmp/` (its TMPDIR). */
  root: string;
  output(): string;
  stop(): Promise<void>;
}

export function repositoryRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "PersonaMedia.sln"))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error("PersonaMedia.sln not found above the SDK's tests");
    }
  }
}

/** Builds src/WebApi (a no-op when scripts/test.sh's dotnet test built it already) and returns the app's assembly. */
function buildWebApi(repo: string): string {
  const project = join(repo, "src", "WebApi", "WebApi.csproj");
  const built = spawnSync("dotnet", ["build", project, "--nologo", "-v", "quiet", "-c", "Debug"], { cwd: repo, encoding: "utf8", timeout: 8 * 60_000 });
  if (built.status !== 0) {
    throw new Error(`dotnet build ${project} failed (${built.status ?? built.signal}):\n${built.stdout}\n${built.stderr}`);
  }
  const assembly = join(repo, "src", "WebApi", "bin", "Debug", "net10.0", "PersonaMedia.WebApi.dll");
  if (!existsSync(assembly)) {
    throw new Error(`${assembly} is missing after dotnet build`);
  }
  return assembly;
}

export async function startService(settings: Record<string, string> = {}): Promise<Service> {
  const repo = repositoryRoot();
  const assembly = buildWebApi(repo);
  const root = mkdtempSync(join(tmpdir(), "personamedia-sdk-"));
  // Its own temporary folder too, so that a test sees anything the service spools there.
  mkdirSync(join(root, "tmp"));

  // What an operator gives the app, and nothing of this shell's ASP.NET settings.
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("ASPNETCORE_") && !key.startsWith("DOTNET_ENVIRONMENT") && !key.includes("__")) {
      env[key] = value;
    }
  }
  Object.assign(env, {
    ASPNETCORE_ENVIRONMENT: "Production",
    ASPNETCORE_URLS: "http://127.0.0.1:0",
    Jwt__SigningKey: "sdk-tests-signing-key-of-more-than-32-bytes-long",
    Media__UrlSigningKeys__0: "sdk-tests-media-url-key-of-more-than-32-bytes-long",
    ConnectionStrings__Default: `Data Source=${join(root, "personamedia.db")}`,
    Storage__Local__RootPath: join(root, "uploads"),
    TMPDIR: join(root, "tmp"),
    ...settings,
  });

  const child = spawn("dotnet", [assembly], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not listen within 120 s:\n${output}`)), 120_000);
    const collect = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before it listened:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop(child, exited);
    rmSync(root, { recursive: true, force: true });
    throw error;
  });

  return {
    baseUrl,
    root,
    output: () => output,
    stop: async () => {
      await stop(child, exited);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (the app shuts down gracefully), SIGKILL after 15 s. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

/** Files with a real signature and deterministic filler, of exactly `size` bytes. */
export const payloads = {
  jpeg: (size = 2048): Uint8Array<ArrayBuffer> => withHeader([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], size),
  png: (size = 2048): Uint8Array<ArrayBuffer> => withHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size),
  /** An ISO-BMFF file: a 24-byte `ftyp` box (isom), then filler standing for `mdat`. */
  mp4: (size = 4096): Uint8Array<ArrayBuffer> =>
    withHeader([0, 0, 0, 24, ...ascii("ftyp"), ...ascii("isom"), 0, 0, 2, 0, ...ascii("isom"), ...ascii("mp41")], size),
};

/** A real PNG of `width` x `height` (RGB gradient) that libvips decodes: signature, IHDR, IDAT, IEND. */
export function realPng(width: number, height: number): Uint8Array<ArrayBuffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) {
      c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rows.set([(x * 255) / width, (y * 255) / height, 128], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(file);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function withHeader(header: number[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let seed = size;
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  bytes.set(header.slice(0, size));
  return bytes;
}

/** Every file under the service's folder (uploads and its temporary folder), with its size. */
export function filesOnDisk(service: Service): string[] {
  return readdirSync(service.root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("personamedia.db"))
    .map((entry) => `${join(entry.parentPath, entry.name)} ${statSync(join(entry.parentPath, entry.name)).size}`)
    .sort();
}

/** Waits (up to 10 s) for the service to notice the dropped connection and remove what it had written. */
export async function assertNothingLeft(service: Service, before: string[]): Promise<void> {
  let now = filesOnDisk(service);
  for (let i = 0; i < 100 && now.join() !== before.join(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = filesOnDisk(service);
  }
  assert.deepEqual(now, before, "no file (not even a partial one) is left on disk");
}

