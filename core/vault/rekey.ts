/*
 * Rekeying: a new data key for the whole vault, every entry re-encrypted under it, a new
 * passphrase wrap, and no keychain wrap. Used when keychain unlock is turned off and when the
 * passphrase changes.
 * Protects against: a copy of an older keychain wrap (in a backup, in another copy of the file, or
 * in the OS keychain's memory of it) or an older passphrase still opening the current contents:
 * after a rekey, only the new passphrase opens the vault. Does not protect against: copies of the
 * older file itself, which still open with the older means and hold the older contents.
 */
import { randomKey, wipe } from "./crypto";
import { buildImage, macKeyFor, readEntry, storeEntry, wrapDataKey, type ImageParts, type Session, type VaultImage } from "./image";

export interface Rekeyed {
  image: VaultImage;
  /** The new session: its keys replace the old ones, which the caller wipes. */
  session: Session;
}

/** A copy of the vault under a fresh data key, wrapped with `kek` (derived for `headerBytes`). */
export function rekeyImage(image: VaultImage, session: Session, kek: Buffer, headerBytes: Buffer): Rekeyed {
  const dataKey = randomKey();
  const macKey = macKeyFor(dataKey);
  try {
    const parts: ImageParts = { headerBytes, passphraseWrap: wrapDataKey(kek, dataKey, headerBytes), keychainWrap: null, index: new Map(), entries: new Map() };
    const source = { index: session.index, entries: image.entries };
    for (const id of session.index.keys()) storeEntry(dataKey, parts, readEntry(session.dataKey, source, id));
    const next = buildImage(parts, { dataKey, macKey });
    return { image: next, session: { dataKey, macKey, index: parts.index } };
  } catch (error) {
    wipe(dataKey, macKey);
    throw error;
  }
}
