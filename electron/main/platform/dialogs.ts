/** The system's save, open-file and folder dialogs, as the app core asks for them: a path, or null when cancelled. */
import { dialog } from "electron";
import type { Platform } from "../../../core/app/platform";

export const electronDialogs: Pick<Platform, "chooseSaveFile" | "chooseOpenFile" | "chooseFolder"> = {
  async chooseSaveFile(request) {
    const result = await dialog.showSaveDialog({ title: request.title, defaultPath: request.defaultName, filters: request.filters });
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseOpenFile(request) {
    const result = await dialog.showOpenDialog({ title: request.title, filters: request.filters, properties: ["openFile"] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseFolder(request) {
    const result = await dialog.showOpenDialog({ title: request.title, properties: ["openDirectory", "createDirectory"] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
