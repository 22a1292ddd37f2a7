/** The user's preferences as the app reads and changes them (bounds and defaults: shared/domain/preferences). */
import type { PreferencesPatch, PreferenceValues } from "../../../shared/domain/preferences";
import type { Preferences } from "../../../shared/ipc/contract";
import type { VersionedFile } from "../../persist/versioned-file";
import { preferenceValues, type PreferencesContent } from "../state";

export class PreferencesService {
  constructor(
    private readonly file: VersionedFile<PreferencesContent>,
    private readonly onChanged: (changed: PreferencesPatch) => void | Promise<void>,
  ) {}

  values(): PreferenceValues {
    return preferenceValues(this.file.get());
  }

  get(): Preferences {
    return { ...this.values(), lastWorkspaceId: this.file.get().lastWorkspaceId };
  }

  async set(patch: PreferencesPatch): Promise<Preferences> {
    const { findings, ...rest } = patch;
    await this.file.update((current) => ({ ...current, ...rest, ...(findings ? { findings: { ...current.findings, ...findings } } : {}) }));
    await this.onChanged(patch);
    return this.get();
  }
}
