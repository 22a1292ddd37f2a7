/**
 * Views of one place as tabs, on Radix Tabs (arrow keys between tabs, roles, each panel named by
 * its tab). Only the chosen view is mounted. A tab may show a count beside its label.
 */
import type { ReactNode } from "react";
import { Tabs as RadixTabs } from "radix-ui";

export type Tab<V extends string> = { value: V; label: string; count?: number; panel: ReactNode };

type TabsProps<V extends string> = { label: string; value: V; onChange: (value: V) => void; tabs: readonly Tab<V>[] };

export function Tabs<V extends string>({ label, value, onChange, tabs }: TabsProps<V>) {
  return (
    <RadixTabs.Root value={value} onValueChange={(next) => onChange(next as V)}>
      <RadixTabs.List className="tab-list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} className="tab" value={tab.value}>
            {tab.label}
            {tab.count === undefined ? null : (
              <>
                {" "}
                <span className="tab-count">{tab.count}</span>
              </>
            )}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="tab-panel">
          {tab.panel}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
