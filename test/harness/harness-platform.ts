/**
 * The browser harness's platform adapters: the only parts that differ from the Electron app. They
 * are small on purpose and named as what they are: an in-memory clipboard (tests read it through
 * the harness), a keychain that is either absent (as on a Linux machine without one) or a
 * process-memory stand-in, and preferences in a JSON file.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import path from "node:path";
import type { ClipboardAdapter } from "../../core/clipboard/clipboard-guard";
import type { SaveFileRequest } from "../../core/app/platform";
import type { DesktopNotification, Notifier } from "../../core/app/rotation/reminder-service";
import { nodeCliLauncher, type CliLauncher } from "../../core/workspace/cli-launcher";
import type { KeychainAdapter } from "../../core/vault";

export class HarnessClipboard implements ClipboardAdapter {
  text = "";
  /** Whether the last write went through writeSecret (the adapter call that marks a secret where the platform can). */
  writtenAsSecret = false;

  async writeSecret(text: string): Promise<void> {
    this.text = text;
    this.writtenAsSecret = true;
  }

  async readText(): Promise<string> {
    return this.text;
  }

  async clear(): Promise<void> {
    this.text = "";
    this.writtenAsSecret = false;
  }

  /** What a user copying something else would do. */
  writePlain(text: string): void {
    this.text = text;
    this.writtenAsSecret = false;
  }
}

export const NO_KEYCHAIN: KeychainAdapter = {
  isAvailable: () => ({ ok: false, reason: "The browser harness has no OS keychain" }),
  encrypt: () => {
    throw new Error("no keychain");
  },
  decrypt: () => {
    throw new Error("no keychain");
  },
};

/** A keychain stand-in whose key lives in this process only (lost when the harness stops). */
export function memoryKeychain(): KeychainAdapter {
  const key = randomBytes(32);
  return {
    isAvailable: () => ({ ok: true }),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(blob) {
      const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
    },
  };
}

/** Runs `keyward` from source as a Node child process (the desktop app uses a utility process). */
export function sourceCliLauncher(repoRoot: string): CliLauncher {
  return nodeCliLauncher(process.execPath, ["--import", "tsx", path.join(repoRoot, "cli/keyward.ts")]);
}

/**
 * Save dialogs answered without asking: the file goes to `<dataDir>/exports/<suggested name>`
 * (a test reads it there).
 */
export function exportsFolderSaver(dataDir: string): (request: SaveFileRequest) => Promise<string> {
  return async (request) => path.join(dataDir, "exports", request.defaultName);
}

/** Notifications kept in a list instead of shown; tests read them and click them through the harness. */
export class HarnessNotifier implements Notifier {
  readonly shown: (DesktopNotification & { id: number; click: () => void })[] = [];

  show(notification: DesktopNotification, onClick: () => void): void {
    this.shown.push({ ...notification, id: this.shown.length + 1, click: onClick });
  }
}

/**
 * Open-file and folder dialogs answered from a queue a test fills (`harness.chooser.answer(path)`):
 * each dialog takes the next answer, and with none queued it is cancelled, as a user closing it.
 */
export class HarnessChooser {
  private readonly answers: (string | null)[] = [];
  /** What each dialog asked, in order: tests check the title a user would read. */
  readonly asked: string[] = [];

  answer(...paths: (string | null)[]): void {
    this.answers.push(...paths);
  }

  async choose(request: { title: string }): Promise<string | null> {
    this.asked.push(request.title);
    return this.answers.shift() ?? null;
  }
}
