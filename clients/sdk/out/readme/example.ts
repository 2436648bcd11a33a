// node example: save as example.ts in a project that depends on @personamedia/sdk
import { readFile, writeFile } from "node:fs/promises";
import { PersonaMediaClient, PersonaMediaError } from "@personamedia/sdk";

const client = new PersonaMediaClient({ baseUrl: "http://127.0.0.1:33447" });
await client.auth.register({ email: "ada@example.com", username: "ada", password: "correct-horse-battery", full_name: "Ada" });
// next time: await client.auth.login({ email: "ada@example.com", password: "correct-horse-battery" });

const persona = await client.personas.create({ name: "Grace", relation_type: "friend" });

// The service knows a JPEG by its first bytes (FF D8 FF): this makes a 2 KiB one to upload.
await writeFile("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(2044).fill(0)]));
const photo = new Blob([await readFile("photo.jpg")], { type: "image/jpeg" });
const media = await client.media.uploadImage(persona.id, photo, { filename: "photo.jpg", description: "Profile picture" });

const page = await client.media.list(persona.id, { mediaType: "image", limit: 10 });
console.log(page.total, page.items.map((file) => file.original_filename));   // 1 [ 'photo.jpg' ]
for await (const file of client.media.all(persona.id)) {                     // every page, as Link names them
  console.log(file.id, file.original_filename, file.file_size);
}

const download = await client.media.download(media.id);
if (!download.notModified) {
  await writeFile("downloaded.jpg", new Uint8Array(await download.blob.arrayBuffer()));
  console.log(download.filename, download.contentType, download.etag);
}
const firstKib = await client.media.download(media.id, { range: { start: 0, end: 1023 } });
console.log(firstKib.status);                                                  // 206
const again = await client.media.download(media.id, { ifNoneMatch: download.etag });
console.log(again.status);                                                     // 304

await client.media.updateDescription(media.id, "New caption");
console.log(await client.media.stats());

try {
  await client.media.get(media.id + 1000);
} catch (error) {
  if (!(error instanceof PersonaMediaError)) throw error;
  console.log(error.status, error.detail, error.traceId);                     // 404 File not found 00-...
}
await client.media.delete(media.id);
