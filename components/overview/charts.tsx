"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type OverdueBar = { label: string; name: string; n: number; href: string };
export type MonthPoint = { label: string; n: number };

/** Overdue follow-ups per owner organisation; a bar opens the board filtered to it. `seriesLabel` names the figure in the tooltip ("Overdue"), in the reader's language. */
export function OverdueByOrganisationChart({ data, seriesLabel }: { data: OverdueBar[]; seriesLabel: string }) {
  const router = useRouter();
  return (
    <div aria-hidden className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e4e4e7" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#52525b" }} />
          <YAxis type="category" dataKey="label" width={84} tick={{ fontSize: 12, fill: "#3f3f46" }} />
          <Tooltip formatter={(v) => [v, seriesLabel]} labelFormatter={(_, p) => (p[0]?.payload as OverdueBar | undefined)?.name ?? ""} />
          <Bar
            dataKey="n"
            fill="#b91c1c"
            radius={[0, 3, 3, 0]}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(d) => {
              const href = (d as { payload?: OverdueBar }).payload?.href;
              if (href) router.push(href);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Follow-ups marked done per month over the last year. */
export function CompletedPerMonthChart({ data, seriesLabel }: { data: MonthPoint[]; seriesLabel: string }) {
  return (
    <div aria-hidden className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 4, left: -16 }}>
          <CartesianGrid stroke="#e4e4e7" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#52525b" }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#52525b" }} />
          <Tooltip formatter={(v) => [v, seriesLabel]} />
          <Line isAnimationActive={false} type="monotone" dataKey="n" stroke="#1d4ed8" strokeWidth={2} dot={{ r: 3 }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
