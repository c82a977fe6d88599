"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import { STAGE_COLORS } from "./chart-colors";
import type { WeeklyStageBar } from "./weekly-stage-chart";

/**
 * The drawing inside WeeklyStageChart's named box (./weekly-stage-chart.tsx), which loads this
 * file — and Recharts with it — only after the page has shown (issue 14: first-load JavaScript).
 */
export default function WeeklyStageChartDrawing({ weeks }: { weeks: WeeklyStageBar[] }) {
  const data = weeks.map((week) => ({ label: week.label, ...week.counts }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={48} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {PROGRESS_STAGES.map((stage) => (
          <Bar
            key={stage}
            dataKey={stage}
            name={STAGE_NAMES[stage]}
            stackId="stages"
            fill={STAGE_COLORS[stage]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
