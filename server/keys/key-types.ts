/** Who changes keys, and what a new key is made of: shared by the key store and the rotation it runs. */
import type { Scope } from "../../shared/api/schemas";

export interface Actor {
  /** Written into audit events, e.g. `admin_token:atk_…`. */
  id: string;
  /** Shown as a key's creator and revoker: the admin token's name. */
  name: string;
  /** The admin token's id (absent for the server's own tools). */
  tokenId?: string | null;
}

export interface NewKey {
  name: string;
  scope: Scope;
  environment: "live" | "test";
  description: string;
  expiresAt?: string | null | undefined;
}
