/*
 * Import keys from .env files, and export or import a whole vault as an encrypted file: the
 * personal vault always, the team vault when one is open. It only opens the dialogs.
 * Protects against: nothing itself; no secret or passphrase passes through it (the dialogs it opens
 * say how they handle theirs). Does not protect against: anything those dialogs do not.
 */
import { useState } from "react";
import { Button } from "../../ui/Button";
import { Section } from "../../ui/Section";
import { EnvImportDialog } from "./EnvImportDialog";
import { ExportDialog } from "./ExportDialog";
import { ImportDialog } from "./ImportDialog";

type Open = "env" | "export" | "import" | null;

export function TransferPanel({ teamOpen }: { teamOpen: boolean }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <div className="transfer-grid">
      <Section level={2} className="card" title="Import from .env files">
        <p className="muted">Finds the keys of this workspace in .env files (matched by SHA-256, nothing else is sent) and shows what it found before writing anything.</p>
        <div className="card-actions">
          <Button onClick={() => setOpen("env")}>Import from .env…</Button>
        </div>
      </Section>
      <Section level={2} className="card" title="Export">
        <p className="muted">
          {teamOpen ? "The team vault or your personal vault" : "Your personal vault"}, every field, in one encrypted file (age): for members, for you alone, or under a
          passphrase. Readable with the standard age tool too.
        </p>
        <div className="card-actions">
          <Button onClick={() => setOpen("export")}>Export…</Button>
        </div>
      </Section>
      <Section level={2} className="card" title="Import an export">
        <p className="muted">Brings an encrypted export back into {teamOpen ? "the team vault or your personal vault" : "your personal vault"}. Entries already there keep the newer version.</p>
        <div className="card-actions">
          <Button onClick={() => setOpen("import")}>Import…</Button>
        </div>
      </Section>
      {open === "env" ? <EnvImportDialog teamOpen={teamOpen} onClose={close} /> : null}
      {open === "export" ? <ExportDialog teamOpen={teamOpen} onClose={close} /> : null}
      {open === "import" ? <ImportDialog teamOpen={teamOpen} onClose={close} /> : null}
    </div>
  );
}
