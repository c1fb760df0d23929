"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// recharts is large and only draws in the browser: load it after the page, behind a placeholder of the same size.
export const LazyOverdueChart = dynamic(() => import("./charts").then((m) => m.OverdueByOrganisationChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});
export const LazyCompletedChart = dynamic(() => import("./charts").then((m) => m.CompletedPerMonthChart), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" />,
});
