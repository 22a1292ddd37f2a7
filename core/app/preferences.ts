/**
 * The app's preferences: window bounds, clipboard-clear seconds, auto-lock minutes, the last
 * workspace and the list of remote workspaces (name and URL only). Never a secret: admin tokens
 * live in the vault. The Electron side keeps them with electron-store; tests and the harness in a
 * JSON file.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Rotation } from "../../shared/ipc/contract";

export const RemoteWorkspace = z.object({ id: z.string(), name: z.string(), url: z.string() });
export type RemoteWorkspace = z.infer<typeof RemoteWorkspace>;

/** A rotation in progress, as kept across restarts: ids, names and the step; never a secret. */
export const StoredRotation = Rotation.omit({ secretAvailable: true });
export type StoredRotation = z.infer<typeof StoredRotation>;

export const StoredPreferences = z.object({
  clipboardClearSeconds: z.number().int().min(5).max(600).catch(30),
  autoLockMinutes: z.number().int().min(1).max(1440).catch(15),
  rotationDays: z.number().int().min(1).max(3650).catch(90),
  lastWorkspaceId: z.string().nullable().catch(null),
  rotations: z.array(StoredRotation).catch([]),
  /** Rotation reminders already shown, per `workspaceId/keyId`: each threshold is shown once. */
  remindersSent: z.record(z.string(), z.array(z.string())).catch({}),
  workspaces: z.array(RemoteWorkspace).catch([]),
  windowBounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable().catch(null),
});
export type StoredPreferences = z.infer<typeof StoredPreferences>;

export const DEFAULT_PREFERENCES: StoredPreferences = StoredPreferences.parse({});

export interface PreferencesStore {
  read(): StoredPreferences;
  write(patch: Partial<StoredPreferences>): StoredPreferences;
}

/** Reads whatever was stored, repairing each field that is missing or invalid with its default. */
export function normalizePreferences(raw: unknown): StoredPreferences {
  return StoredPreferences.parse(raw && typeof raw === "object" ? raw : {});
}

/** Preferences in a JSON file, written atomically. */
export class JsonFilePreferences implements PreferencesStore {
  constructor(private readonly file: string) {}

  read(): StoredPreferences {
    try {
      return normalizePreferences(JSON.parse(fs.readFileSync(this.file, "utf8")));
    } catch {
      return DEFAULT_PREFERENCES;
    }
  }

  write(patch: Partial<StoredPreferences>): StoredPreferences {
    const next = normalizePreferences({ ...this.read(), ...patch });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(next, null, 2));
    fs.renameSync(temp, this.file);
    return next;
  }
}
