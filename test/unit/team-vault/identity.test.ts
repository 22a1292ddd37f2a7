import { describe, expect, it } from "vitest";
import { createIdentity, fingerprint, memberCardText, parseIdentity, parseMemberCard, serializeIdentity } from "../../../core/team-vault";
import { errorOf } from "./helpers";

describe("member identities", () => {
  it("serializes to one line and parses back to the same keys, which still sign and decrypt", async () => {
    const identity = await createIdentity("Alice Martin");
    const line = serializeIdentity(identity);
    expect(line).toMatch(/^keyward-identity:1:Alice%20Martin:AGE-SECRET-KEY-1[0-9A-Z]{58}:[A-Za-z0-9_-]{43}$/);
    const back = await parseIdentity(line);
    expect({ id: back.id, name: back.name, recipient: back.recipient, signingKey: back.signingKey }).toEqual({
      id: identity.id,
      name: "Alice Martin",
      recipient: identity.recipient,
      signingKey: identity.signingKey,
    });
    expect(serializeIdentity(back)).toBe(line);
  });

  it("gives a card anyone can paste, and the card gives the same member and fingerprint", async () => {
    const identity = await createIdentity("Bob: ops");
    const card = memberCardText(identity);
    expect(card).toMatch(/^keyward-member:1:Bob%3A%20ops:age1[0-9a-z]{58}:[A-Za-z0-9_-]{43}$/);
    expect(card).not.toContain("AGE-SECRET-KEY");
    const parsed = parseMemberCard(`  ${card}\n`);
    expect(parsed).toEqual({ id: identity.id, name: "Bob: ops", recipient: identity.recipient, signingKey: identity.signingKey });
    expect(fingerprint(parsed)).toBe(fingerprint(identity));
    expect(fingerprint(identity)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it("gives a different fingerprint when either public key of a card is swapped", async () => {
    const [a, b] = [await createIdentity("A"), await createIdentity("B")];
    const mixedRecipient = parseMemberCard(`keyward-member:1:A:${b.recipient}:${a.signingKey}`);
    const mixedSigning = parseMemberCard(`keyward-member:1:A:${a.recipient}:${b.signingKey}`);
    const prints = new Set([fingerprint(a), fingerprint(b), fingerprint(mixedRecipient), fingerprint(mixedSigning)]);
    expect(prints.size).toBe(4);
  });

  it("refuses malformed cards and identities with a message saying what they should look like", async () => {
    const identity = await createIdentity("C");
    for (const bad of ["", "hello", memberCardText(identity).replace("age1", "age2"), `${memberCardText(identity)}:extra`, serializeIdentity(identity)]) {
      const error = await errorOf(() => parseMemberCard(bad));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toContain("keyward-member:1:");
    }
    expect((await errorOf(() => parseMemberCard(memberCardText(identity).replace(":1:", ":2:")))).code).toBe("unsupported_version");
    expect((await errorOf(() => parseIdentity(memberCardText(identity)))).code).toBe("invalid_input");
    expect((await errorOf(() => createIdentity("  ")))).toMatchObject({ code: "invalid_input" });
  });
});
