/**
 * Before files had versions, one preferences.json held everything: settings, rotations in
 * progress and reminders shown. On the first start after an upgrade, the rotations and reminders
 * files are seeded from it (and saved) before the preferences file is rewritten without them.
 */
import fs from "node:fs";
import path from "node:path";

/** The `seed` of a file split from the older preferences.json: `{ [as]: <its field> }`, or undefined when it had none. */
export function seedFromLegacy(dataDir: string, field: string, as: string): () => unknown {
  return () => {
    const legacy = readLegacyField(path.join(dataDir, "preferences.json"), field);
    return legacy === undefined ? undefined : { [as]: legacy };
  };
}

export function readLegacyField(preferencesFile: string, field: string): unknown {
  try {
    const content = JSON.parse(fs.readFileSync(preferencesFile, "utf8")) as Record<string, unknown> | null;
    if (!content || typeof content !== "object" || "schemaVersion" in content) return undefined;
    return content[field];
  } catch {
    return undefined;
  }
}

/** Keeps the items of a list that parse, dropping the others (a hand-edited or partly damaged file). */
export function parsedItems<T>(items: unknown, parse: (item: unknown) => T | undefined): T[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = parse(item);
    return parsed === undefined ? [] : [parsed];
  });
}
