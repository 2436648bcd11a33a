// A front-end's first program against PersonaMedia, typed only by the generated `paths`: it must
// compile with tsc --strict without `any` or a cast, and run against a live service (BASE_URL).
import createClient from "openapi-fetch";
import type { paths } from "./api.js";

const baseUrl = process.env.BASE_URL ?? "http://localhost:8000";
const api = createClient<paths>({ baseUrl });

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

const registered = await api.POST("/auth/register", {
  body: { email: "sample@example.com", username: "sample", password: "correct-horse-battery", full_name: "Sam Sample" },
});
check(registered.data !== undefined, `register: ${registered.error?.detail}`);
const token = registered.data?.access_token ?? "";
const headers = { Authorization: `Bearer ${token}` };

const persona = await api.POST("/personas", { headers, body: { name: "Grandma", relation_type: "family" } });
check(persona.data !== undefined, `persona: ${persona.error?.detail}`);
const personaId = persona.data?.id ?? 0;

// A JPEG is recognised by its first bytes, FF D8 FF.
const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(1020).fill(7)])], { type: "image/jpeg" });
const uploaded = await api.POST("/upload/persona/{persona_id}/image", {
  headers,
  params: { path: { persona_id: personaId } },
  body: { file: jpeg, description: "Profile picture" },
  bodySerializer(body) {
    const form = new FormData();
    form.append("file", body.file, "photo.jpg");
    if (body.description !== undefined) {
      form.append("description", body.description);
    }
    return form;
  },
});
check(uploaded.data?.mime_type === "image/jpeg", `upload: ${uploaded.error?.detail}`);
const fileId = uploaded.data?.id ?? 0;

const listed = await api.GET("/upload/persona/{persona_id}/files", {
  headers,
  params: { path: { persona_id: personaId }, query: { media_type: "image", limit: 10 } },
});
check(listed.data?.length === 1 && listed.response.headers.get("X-Total-Count") === "1", "list");

const downloaded = await api.GET("/upload/files/{file_id}/download", {
  headers,
  params: { path: { file_id: fileId } },
  parseAs: "arrayBuffer",
});
check(downloaded.data?.byteLength === 1024, "download");
check(downloaded.response.headers.get("ETag") === `"${uploaded.data?.sha256}"`, "ETag");

const missing = await api.GET("/upload/files/{file_id}", { headers, params: { path: { file_id: fileId + 1000 } } });
const problem = missing.error;
check(missing.response.status === 404 && problem?.status === 404, "404");
check(problem?.detail === "File not found" && typeof problem.trace_id === "string", `problem: ${JSON.stringify(problem)}`);

console.log(`ok: persona ${personaId}, file ${fileId}, 404 "${problem?.detail}"`);
