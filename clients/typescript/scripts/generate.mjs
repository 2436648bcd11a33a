// Generates src/generated/api.ts from the committed contract, docs/openapi/v1.json, with
// openapi-typescript; `format: binary` becomes Blob (openapi-typescript's documented transform), so
// an upload takes a File or Blob without a cast.
//   node scripts/generate.mjs            writes the file
//   node scripts/generate.mjs --check    exits 1 when the committed file differs from what it would write
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const documentPath = fileURLToPath(new URL("../../../docs/openapi/v1.json", import.meta.url));
const outputPath = fileURLToPath(new URL("../src/generated/api.ts", import.meta.url));
const header = `// Generated from docs/openapi/v1.json by \`npm run generate\` (clients/typescript/scripts/generate.mjs).
// Do not edit: change the contract, then run \`npm run generate\` in clients/typescript.
`;

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const ast = await openapiTS(JSON.parse(await readFile(documentPath, "utf8")), {
  transform(schema) {
    return schema.format === "binary" ? BLOB : undefined;
  },
});
const generated = header + astToString(ast);

if (process.argv.includes("--check")) {
  const committed = await readFile(outputPath, "utf8").catch(() => "");
  if (committed !== generated) {
    console.error(
      "clients/typescript/src/generated/api.ts is not what docs/openapi/v1.json generates. " +
        "Run `npm run generate` in clients/typescript and commit the result.",
    );
    process.exit(1);
  }
  console.log("clients/typescript/src/generated/api.ts matches docs/openapi/v1.json");
} else {
  await writeFile(outputPath, generated);
  console.log(`wrote ${outputPath}`);
}
