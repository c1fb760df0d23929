/** An SDG target as the browser sees it. */
export type SdgTarget = { code: string; goal: number; title: string };

/** The short names of the goals whose targets are on the list. */
export const sdgGoalNames: Record<number, string> = {
  3: "Good health and well-being",
  4: "Quality education",
  5: "Gender equality",
  8: "Decent work and economic growth",
  10: "Reduced inequalities",
  11: "Sustainable cities and communities",
  14: "Life below water",
  15: "Life on land",
  16: "Peace, justice and strong institutions",
  17: "Partnerships for the goals",
};

export const goalLabel = (goal: number) => `Goal ${goal}${sdgGoalNames[goal] ? `: ${sdgGoalNames[goal]}` : ""}`;
