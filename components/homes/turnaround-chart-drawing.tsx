"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS } from "./chart-colors";
import type { TurnaroundSeries } from "./turnaround-chart";

/**
 * The drawing inside TurnaroundChart's named box (./turnaround-chart.tsx), which loads this file
 * — and Recharts with it — only after the page has shown (issue 14: first-load JavaScript).
 */
export default function TurnaroundChartDrawing({
  months,
  series,
}: {
  months: string[];
  series: TurnaroundSeries[];
}) {
  const data = months.map((month, i) => ({
    month,
    ...Object.fromEntries(series.map((s) => [s.specialistId, s.values[i]])),
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#334155" }} />
        <YAxis allowDecimals tick={{ fontSize: 12, fill: "#334155" }} width={48} unit=" d" />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => (
          <Line
            key={s.specialistId}
            dataKey={s.specialistId}
            name={s.name}
            stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
