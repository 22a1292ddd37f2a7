/** docs/audit-bundle.md's example is a test vector: it must verify, with the hashes the page states. */
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyBundleBytes, verifyBundleReference } from "../../../core/audit/verify";

const page = fs.readFileSync("docs/audit-bundle.md", "utf8");
const example = /## Example[\s\S]*?```json\n(.*)\n```/.exec(page)![1]!;
const stated = (label: string) => new RegExp(`${label}[^\`]*\`([0-9a-f]{64})\``).exec(page)![1];

describe("the documented example bundle", () => {
  it("verifies, and its hashes are the ones the page states", () => {
    const bytes = Buffer.from(example, "utf8");
    expect(verifyBundleReference(bytes)).toMatchObject({ valid: true, events: 2 });
    expect(verifyBundleBytes(bytes)).toMatchObject({ valid: true, events: 2 });
    const unsigned = example.replace(/,"signature":"[^"]*"/, "");
    expect(createHash("sha256").update(unsigned, "utf8").digest("hex")).toBe(stated("SHA-256 of U"));
    expect(JSON.parse(example).events[0].hash).toBe(stated("Event 1's hash:"));
  });

  it("is signed by the key whose seed is 32 bytes of 0x07", () => {
    const seed = Buffer.alloc(32, 7);
    const key = createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
    const publicKey = Buffer.from(createPublicKey(key).export({ format: "jwk" }).x!, "base64url").toString("base64");
    expect(JSON.parse(example).signing.publicKey).toBe(publicKey);
  });
});
