import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checksumOf, displayForm, encodeBase62, findCredentials, generateCredential, parseCredential } from "../../../shared/credential";

// Vectors computed outside this code base, with Python's zlib.crc32 and a plain base-62 encoder.
const VECTORS = [
  { credential: "uo_live_0000000000000000000000000000000016B3u9", crc: 1007427469 }, // keyward:allow
  { credential: "uo_test_abcdefghijklmnopqrstuvwxyzABCDEF1QUWrC", crc: 1307593714 }, // keyward:allow
  { credential: "uo_adm_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp17wdhO", crc: 1033542814 }, // keyward:allow
  { credential: "uo_live_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op561vtR0q", crc: 1771595864 }, // keyward:allow
];

describe("credential format", () => {
  it.each(VECTORS)("accepts the known vector $credential", ({ credential, crc }) => {
    const parsed = parseCredential(credential);
    expect(parsed.ok).toBe(true);
    expect(checksumOf(credential.slice(0, -6))).toBe(credential.slice(-6));
    expect(crc32(Buffer.from(credential.slice(0, -6)))).toBe(crc);
  });

  it("names the kind and environment", () => {
    const live = parseCredential(VECTORS[0]!.credential);
    const admin = parseCredential(VECTORS[2]!.credential);
    expect(live.ok && live.credential).toMatchObject({ kind: "api_key", environment: "live", prefix: "uo_live_" });
    expect(admin.ok && admin.credential).toMatchObject({ kind: "admin_token", environment: null, prefix: "uo_adm_" });
  });

  it("writes base 62 with 0-9, then A-Z, then a-z, most significant digit first", () => {
    expect(encodeBase62(0, 6)).toBe("000000");
    expect(encodeBase62(10, 6)).toBe("00000A");
    expect(encodeBase62(36, 6)).toBe("00000a");
    expect(encodeBase62(61, 6)).toBe("00000z");
    expect(encodeBase62(62, 6)).toBe("000010");
    expect(encodeBase62(0xffffffff, 6)).toBe("4gfFC3");
  });

  it.each([
    ["a changed checksum digit", "uo_live_0000000000000000000000000000000016B3u8", "bad_checksum"],
    ["a changed body character", "uo_live_1000000000000000000000000000000016B3u9", "bad_checksum"],
    ["two swapped body characters", "uo_test_bacdefghijklmnopqrstuvwxyzABCDEF1QUWrC", "bad_checksum"],
    ["the right body under another prefix", "uo_test_0000000000000000000000000000000016B3u9", "bad_checksum"],
    ["a lower-cased checksum", "uo_live_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op561vtr0q", "bad_checksum"],
    ["one character short", "uo_live_000000000000000000000000000000016B3u9", "wrong_length"],
    ["one character too many", "uo_live_0000000000000000000000000000000016B3u90", "wrong_length"], // keyward:allow
    ["a symbol in the body", "uo_live_000000000000000000000000000000-016B3u9", "not_base62"],
    ["a non-ASCII letter", "uo_live_00000000000000000000000000000000é6B3u9", "not_base62"],
    ["an unknown prefix", "uo_prod_0000000000000000000000000000000016B3u9", "unknown_prefix"],
    ["nothing", "", "empty"],
  ])("refuses %s", (_label, text, problem) => {
    const parsed = parseCredential(text);
    expect(parsed).toMatchObject({ ok: false, problem });
  });

  it("generates credentials that parse, from a CSPRNG, never twice the same", () => {
    const seen = new Set<string>();
    for (const flavor of ["live", "test", "admin"] as const) {
      for (let i = 0; i < 200; i++) {
        const credential = generateCredential(flavor);
        expect(parseCredential(credential).ok).toBe(true);
        seen.add(credential);
      }
    }
    expect(seen.size).toBe(600);
  });

  it("uses every base-62 digit about equally in generated bodies", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const ch of generateCredential("live").slice(8, 40)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    const expected = (2000 * 32) / 62;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
  });

  it("shows prefix, the first six of the body and the last four", () => {
    expect(displayForm("uo_live_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op561vtR0q")).toBe("uo_live_Ab12Cd…tR0q"); // keyward:allow
    expect(displayForm("uo_adm_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp17wdhO")).toBe("uo_adm_Zz9Yy8…wdhO"); // keyward:allow
  });

  it("finds only checksum-valid credentials in text", () => {
    const good = VECTORS[3]!.credential;
    const text = [
      `API_KEY="${good}"`,
      "token=uo_live_0000000000000000000000000000000016B3u8", // wrong checksum
      `xuo_live_0000000000000000000000000000000016B3u9`, // glued to a word (keyward:allow)
      `${good}extra`, // longer than a credential
    ].join("\n");
    expect(findCredentials(text)).toEqual([{ credential: good, index: 9 }]);
  });
});
