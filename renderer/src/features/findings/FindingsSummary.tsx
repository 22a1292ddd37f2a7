/**
 * The findings at a glance: open findings by severity (buttons that filter the list) and by kind, as
 * a bar chart (recharts) whose bars filter the list too. The chart's numbers are also in the kind
 * filter's options, so nothing is only in the picture.
 */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { FINDING_KINDS, FINDING_SEVERITIES, FINDING_TITLES, type FindingKind, type FindingSeverity } from "../../../../shared/domain/findings";
import { formatCount } from "../../ui/format";
import { SEVERITY_LABELS } from "./finding-labels";
import type { FindingCounts, FindingsFilter } from "./findings-filter";

type SummaryProps = { counts: FindingCounts; filter: FindingsFilter; onFilter: (patch: Partial<FindingsFilter>) => void };

export function FindingsSummary({ counts, filter, onFilter }: SummaryProps) {
  return (
    <div className="findings-summary">
      <SeverityTiles counts={counts} selected={filter.severity} onSelect={(severity) => onFilter({ severity })} />
      <KindsChart counts={counts} selected={filter.kind} onSelect={(kind) => onFilter({ kind })} />
    </div>
  );
}

function SeverityTiles({ counts, selected, onSelect }: { counts: FindingCounts; selected: FindingSeverity | "all"; onSelect: (severity: FindingSeverity | "all") => void }) {
  return (
    <div className="severity-tiles" role="group" aria-label="Open findings by severity">
      {FINDING_SEVERITIES.map((severity) => (
        <button
          key={severity}
          type="button"
          className={`severity-tile severity-tile-${severity}`}
          aria-pressed={selected === severity}
          onClick={() => onSelect(selected === severity ? "all" : severity)}
        >
          <span className="severity-tile-count">{formatCount(counts.bySeverity[severity])}</span>
          <span className="severity-tile-label">{SEVERITY_LABELS[severity]}</span>
        </button>
      ))}
    </div>
  );
}

type KindDatum = { kind: FindingKind; title: string; count: number };

function KindsChart({ counts, selected, onSelect }: { counts: FindingCounts; selected: FindingKind | "all"; onSelect: (kind: FindingKind | "all") => void }) {
  const data: KindDatum[] = FINDING_KINDS.map((kind) => ({ kind, title: FINDING_TITLES[kind], count: counts.byKind[kind] })).filter((datum) => datum.count > 0);
  if (data.length === 0) return null;
  const pick = (datum: KindDatum) => onSelect(selected === datum.kind ? "all" : datum.kind);
  return (
    <figure className="chart-card kinds-chart" aria-label="Open findings by kind">
      <figcaption className="chart-title">Open findings by kind</figcaption>
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 30)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" allowDecimals={false} stroke="var(--chart-axis)" tick={{ fill: "var(--chart-axis)", fontSize: 12 }} />
          <YAxis type="category" dataKey="title" width={150} stroke="var(--chart-axis)" tick={{ fill: "var(--text)", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "var(--chart-grid)" }} contentStyle={TOOLTIP_STYLE} itemStyle={{ color: "var(--chart-tooltip-text)" }} labelStyle={{ color: "var(--chart-tooltip-text)" }} formatter={(value) => [formatCount(Number(value)), "Open findings"]} />
          <Bar dataKey="count" name="Open findings" cursor="pointer" onClick={(entry) => pick((entry as unknown as { payload: KindDatum }).payload)} isAnimationActive={false}>
            {data.map((datum) => (
              <Cell key={datum.kind} fill={selected === "all" || selected === datum.kind ? "var(--accent)" : "var(--chart-grid)"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export const TOOLTIP_STYLE = { background: "var(--chart-tooltip-bg)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--chart-tooltip-text)" } as const;
