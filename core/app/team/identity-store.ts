/*
 * The user's member identity, kept in their personal vault as one `member_identity` entry (its
 * secret is the serialized identity; its metadata the name and fingerprint), made on first use.
 * Protects against: the private keys being anywhere but the encrypted personal vault and this
 * process's memory while the personal vault is unlocked (the parsed identity is dropped when it
 * locks), and two identities made by two quick clicks (creation is queued). Does not protect
 * against: malware reading the unlocked personal vault, or the private key objects Node keeps
 * until garbage collection.
 */
import { entryMeta } from "../../../shared/domain/vault-entries";
import type { IdentityState, TeamIdentity } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { cardOf, createIdentity, fingerprint, memberCardText, parseIdentity, serializeIdentity, TEAM_ENTRY_KINDS, type MemberIdentity } from "../../team-vault";
import type { VaultService } from "../vault/vault-service";
import { teamCall } from "./team-errors";

export function publicIdentity(identity: MemberIdentity): TeamIdentity {
  return { memberId: identity.id, name: identity.name, fingerprint: fingerprint(identity), card: memberCardText(cardOf(identity)) };
}

export class IdentityStore {
  #cached: { entryId: string; identity: MemberIdentity } | null = null;
  #creating: Promise<MemberIdentity> | null = null;

  constructor(private readonly vault: VaultService) {}

  async personalVault(): Promise<IdentityState["personalVault"]> {
    if (!(await this.vault.exists())) return "missing";
    return (await this.vault.isUnlocked()) ? "unlocked" : "locked";
  }

  /** The identity if the personal vault is unlocked and holds one; null otherwise (never creates). */
  async current(): Promise<MemberIdentity | null> {
    if (!(await this.vault.isUnlocked())) {
      this.forget();
      return null;
    }
    // The oldest identity entry is the one: an import may bring a second one, which never replaces it.
    const entries = (await this.vault.entries()).filter((entry) => entry.kind === TEAM_ENTRY_KINDS.memberIdentity).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const entry = entries[0];
    if (!entry) {
      this.forget();
      return null;
    }
    if (this.#cached?.entryId === entry.id) return this.#cached.identity;
    const identity = await teamCall(async () => parseIdentity(await this.vault.secretOf(entry.id)));
    this.#cached = { entryId: entry.id, identity };
    return identity;
  }

  async state(): Promise<IdentityState> {
    const personalVault = await this.personalVault();
    const identity = personalVault === "unlocked" ? await this.current() : null;
    return { personalVault, identity: identity ? publicIdentity(identity) : null };
  }

  /** The identity, or an error that says what the user must do first. */
  async require(): Promise<MemberIdentity> {
    await this.requireUnlocked();
    const identity = await this.current();
    if (!identity) throw new IpcError("not_found", "You have no team identity yet. Create one on the Team vault screen first.");
    return identity;
  }

  /** Makes the identity on first use; an existing one is kept (one identity per person). */
  async create(name: string): Promise<MemberIdentity> {
    await this.requireUnlocked();
    this.#creating ??= (async () => {
      const existing = await this.current();
      if (existing) return existing;
      const identity = await teamCall(() => createIdentity(name));
      await this.vault.add({
        kind: TEAM_ENTRY_KINDS.memberIdentity,
        label: `Team identity (${identity.name})`,
        secret: serializeIdentity(identity),
        meta: entryMeta("member_identity", { name: identity.name, fingerprint: fingerprint(identity) }),
      });
      return (await this.current()) ?? identity;
    })().finally(() => {
      this.#creating = null;
    });
    return this.#creating;
  }

  forget(): void {
    this.#cached = null;
  }

  private async requireUnlocked(): Promise<void> {
    const personalVault = await this.personalVault();
    if (personalVault === "missing") throw new IpcError("vault_missing", "Your team identity is kept in your personal vault, and there is none yet. Set up the vault first.");
    if (personalVault === "locked") throw new IpcError("vault_locked", "Your team identity is kept in your personal vault. Unlock it first.");
  }
}
