// The real service for the console's browser tests: src/WebApi built with `dotnet build` (which builds
// the console into its output when the console's sources are newer, see WebApi.csproj) and run as its
// own process in Production on a free loopback port, with a SQLite file and an upload folder in a
// fresh temporary directory; stopped, and the directory removed, afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Service {
  baseUrl: string;
  root: string;
  output(): string;
  stop(): Promise<void>;
}

export function repositoryRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "PersonaMedia.sln"))) return dir;
    if (dirname(dir) === dir) throw new Error("PersonaMedia.sln not found above the console's tests");
  }
}

export async function startService(settings: Record<string, string> = {}): Promise<Service> {
  const repo = repositoryRoot();
  const project = join(repo, "src", "WebApi", "WebApi.csproj");
  const built = spawnSync("dotnet", ["build", project, "--nologo", "-v", "quiet", "-c", "Debug"], { cwd: repo, encoding: "utf8", timeout: 10 * 60_000 });
  if (built.status !== 0) throw new Error(`dotnet build ${project} failed (${built.status ?? built.signal}):\n${built.stdout}\n${built.stderr}`);
  const output = join(repo, "src", "WebApi", "bin", "Debug", "net10.0");
  if (!existsSync(join(output, "console", "index.html"))) throw new Error(`the WebApi build left no console in ${join(output, "console")}`);

  const root = mkdtempSync(join(tmpdir(), "personamedia-console-"));
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("ASPNETCORE_") && !key.startsWith("DOTNET_ENVIRONMENT") && !key.includes("__")) env[key] = value;
  }
  Object.assign(env, {
    ASPNETCORE_ENVIRONMENT: "Production",
    ASPNETCORE_URLS: "http://127.0.0.1:0",
    Jwt__SigningKey: "console-tests-signing-key-of-more-than-32-bytes",
    Media__UrlSigningKeys__0: "console-tests-media-url-key-of-more-than-32-bytes",
    ConnectionStrings__Default: `Data Source=${join(root, "personamedia.db")}`,
    Storage__Local__RootPath: join(root, "uploads"),
    // The tests sign up several accounts from one address within a minute.
    RateLimiting__SignIn__PermitLimit: "1000",
    ...settings,
  });

  const child = spawn("dotnet", [join(output, "PersonaMedia.WebApi.dll")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not listen within 120 s:\n${log}`)), 120_000);
    const collect = (chunk: Buffer): void => {
      log += chunk.toString("utf8");
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before it listened:\n${log}`));
    });
  }).catch(async (error: unknown) => {
    await stop(child, exited);
    rmSync(root, { recursive: true, force: true });
    throw error;
  });

  return {
    baseUrl,
    root,
    output: () => log,
    stop: async () => {
      await stop(child, exited);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (the app shuts down gracefully), SIGKILL after 15 s. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}
