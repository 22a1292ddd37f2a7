/** An entry's public metadata in words: "Workspace: Production", "Key: uo_live_Ab12Cd…9xYz". */
import { SCOPES, type Scope } from "../../../../shared/api/schemas";
import { scopeLabel } from "../../../../shared/domain/scopes";
import { useWorkspaceStore } from "../workspaces";

const META_LABELS: Record<string, string> = { display: "Key", keyId: "Key ID", scope: "Scope", workspaceId: "Workspace", url: "URL" };
// Shown in monospace: values people compare character by character.
const MONO_META = new Set(["display", "keyId", "url"]);
// The key's display form first: it is what people recognise.
const ORDER = ["display", "scope", "workspaceId", "url", "keyId"];

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

export function VaultEntryMeta({ meta }: { meta: Record<string, string> }) {
  const workspaces = useWorkspaceStore((state) => state.workspaces);
  const readable = (name: string, value: string): string => {
    if (name === "scope" && (SCOPES as readonly string[]).includes(value)) return scopeLabel(value as Scope);
    if (name === "workspaceId") return workspaces.find((workspace) => workspace.id === value)?.name ?? value;
    return value;
  };
  const entries = Object.entries(meta).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="meta-list">
      {entries.map(([name, value]) => {
        const text = readable(name, value);
        return (
          <div key={name} className="meta-item">
            <dt>{META_LABELS[name] ?? name}</dt>
            <dd className={MONO_META.has(name) ? "mono truncate" : "truncate"} title={text}>
              {text}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
