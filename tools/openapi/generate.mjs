// Generates TypeScript types from an OpenAPI document with openapi-typescript, the way its
// documentation shows for files: `format: binary` becomes Blob (its default is string), so an
// upload's `file` takes a File or Blob without a cast. Usage: node generate.mjs <document> <out.d.ts>
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const [document, output] = process.argv.slice(2);
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const ast = await openapiTS(JSON.parse(await readFile(document, "utf8")), {
  transform(schema) {
    return schema.format === "binary" ? BLOB : undefined;
  },
});
await writeFile(output, astToString(ast));
