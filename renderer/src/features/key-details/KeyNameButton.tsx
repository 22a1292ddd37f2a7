/** A key's name where keys are listed (the keys table, the findings): a button that opens its details. */
import { useKeyDetailsStore } from "./key-details-store";

export function KeyNameButton({ keyId, name, className }: { keyId: string; name: string; className?: string }) {
  const openDetails = useKeyDetailsStore((state) => state.open);
  return (
    <button type="button" className={`key-name-button truncate${className ? ` ${className}` : ""}`} title={`${name}: open details`} onClick={() => openDetails(keyId)}>
      {name}
    </button>
  );
}
