// The committed types are what docs/openapi/v1.json generates: a change of the contract that
// was not carried into the SDK fails here (fix: `npm run generate` in clients/sdk, then commit).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { repositoryRoot } from "./service.js";
test("src/generated/api.ts is up to date with docs/openapi/v1.json", () => {
    const sdk = join(repositoryRoot(), "clients", "sdk");
    const check = spawnSync(process.execPath, [join(sdk, "scripts", "generate.mjs"), "--check"], { cwd: sdk, encoding: "utf8" });
    assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
});
//# sourceMappingURL=generated.test.js.map