/**
 * A key's daily requests as stacked bars (recharts): reads, writes and refused requests, one bar per
 * UTC day. Colours come from the theme's chart tokens, so the chart reads in light and dark themes;
 * the totals above it say the same in words.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "../../ui/format";
import type { UsagePoint } from "./usage-series";

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const tick = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));
const TOOLTIP_STYLE = { background: "var(--chart-tooltip-bg)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--chart-tooltip-text)" } as const;
const SERIES = [
  { key: "reads", name: "Reads", color: "var(--chart-read)" },
  { key: "writes", name: "Writes", color: "var(--chart-write)" },
  { key: "denied", name: "Refused", color: "var(--chart-denied)" },
] as const;

export function KeyUsageChart({ points, label }: { points: UsagePoint[]; label: string }) {
  return (
    <figure className="chart-card usage-chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={points.length > 40 ? 1 : "20%"}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="date" tickFormatter={tick} minTickGap={24} stroke="var(--chart-axis)" tick={{ fill: "var(--chart-axis)", fontSize: 11 }} />
          <YAxis allowDecimals={false} width={44} stroke="var(--chart-axis)" tick={{ fill: "var(--chart-axis)", fontSize: 11 }} tickFormatter={(value: number) => formatCount(value)} />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)" }}
            contentStyle={TOOLTIP_STYLE}
            itemStyle={{ color: "var(--chart-tooltip-text)" }}
            labelStyle={{ color: "var(--chart-tooltip-text)", fontWeight: 600 }}
            labelFormatter={(date) => tick(String(date))}
            formatter={(value, name) => [formatCount(Number(value)), name]}
          />
          <Legend iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 12, color: "var(--text-muted)" }} />
          {SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.name} stackId="requests" fill={series.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
