// The console is served by the service at /console/ (src/WebApi/Infrastructure/ConsoleFiles.cs), on
// the API's own origin. `npm run dev` serves it from Vite instead and passes the API's paths on to a
// service on http://localhost:8000 (`dotnet run --project src/WebApi`), so the app still calls its own origin.
import { defineConfig } from "vite";

const api = process.env.PERSONAMEDIA_API ?? "http://localhost:8000";

export default defineConfig({
  base: "/console/",
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // No inline data: URLs (the page's policy allows files of its own origin only).
    assetsInlineLimit: 0,
  },
  server: {
    proxy: Object.fromEntries(["/auth", "/personas", "/upload", "/media", "/health"].map((path) => [path, api])),
  },
});
