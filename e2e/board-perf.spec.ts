import type { Page } from "@playwright/test";
import { expect, hydrated, signIn, test } from "./fixtures";

/**
 * Budget: a status change on the board shows in under 100 ms (optimistic), whatever the server's
 * round trip. Measured in the browser with the Performance API: from the key press that drops a
 * card to the moment the card is in its new column's DOM, and separately the PATCH's own time.
 */
const BUDGET_MS = 100;

// A measurement for the benchmark (bench/README.md), not a check: it moves a shared demo card through
// three columns and was order-dependent in the full suite, so it runs when asked (BOARD_PERF=1).
test.skip(!process.env.BOARD_PERF, "a measurement: run with BOARD_PERF=1");

/** Arms a measurement for the next Space key press: resolves with {visibleMs} once the card is in the target column. */
async function armMeasurement(page: Page, cardId: string, status: string) {
  await page.evaluate(
    ({ cardId, status }) => {
      const w = window as unknown as { __statusChange?: Promise<number> };
      w.__statusChange = new Promise<number>((resolve) => {
        document.addEventListener(
          "keydown",
          (e) => {
            if (e.code !== "Space") return;
            const start = performance.now();
            performance.mark("status-change-drop");
            const column = () => document.querySelector(`[id^="col-"][id$="-${status}"]`)?.closest('[role="group"]');
            const done = () => {
              performance.measure("status-change-visible", "status-change-drop");
              resolve(performance.now() - start);
            };
            const observer = new MutationObserver(() => {
              if (column()?.querySelector(`[data-card-id="${cardId}"]`)) {
                observer.disconnect();
                done();
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          },
          { capture: true, once: true },
        );
      });
    },
    { cardId, status },
  );
}

test("measures how soon a status change shows on the board (optimistic; budget 100 ms), with the Performance API", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  const title = "Organise an expert meeting on wildlife and forest crime";
  await page.goto(`/board?organisationId=all&q=${encodeURIComponent("wildlife and forest crime")}`);
  await hydrated(page);
  const handle = page.getByRole("button", { name: new RegExp(`^Move “${title}”`) });
  await expect(handle).toBeVisible();
  const cardId = await handle.evaluate((el) => el.closest("[data-card-id]")?.getAttribute("data-card-id") ?? "");
  expect(cardId).not.toBe("");

  const figures: { to: string; visibleMs: number; patchMs: number }[] = [];
  for (const [to, label] of [["in_progress", "In progress"], ["blocked", "Blocked"], ["done", "Done"]] as const) {
    await handle.focus();
    await page.keyboard.press("Space");
    await expect(page.getByText(/^Picked up /)).toBeAttached();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByText(new RegExp(`is over ${label}\\.$`))).toBeAttached();
    await armMeasurement(page, cardId, to);
    const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes(`/api/v1/follow-ups/${cardId}`));
    await page.keyboard.press("Space");
    const visibleMs = await page.evaluate(() => (window as unknown as { __statusChange: Promise<number> }).__statusChange);
    const response = await saved;
    expect(response.status()).toBe(200);
    await response.finished();
    const patchMs = await page.evaluate((id) => {
      const entry = performance.getEntriesByType("resource").filter((r) => r.name.includes(`/api/v1/follow-ups/${id}`)).pop();
      return entry ? Math.round(entry.duration) : -1;
    }, cardId);
    figures.push({ to, visibleMs: Math.round(visibleMs * 10) / 10, patchMs });
    await expect(page.getByRole("status").filter({ hasText: `Saved: ${title} is now ${label}.` })).toBeAttached();
  }

  const sorted = figures.map((f) => f.visibleMs).sort((a, b) => a - b);
  const median = sorted[1] as number;
  console.log(`[board-perf] status change visible after (ms): ${figures.map((f) => `${f.to} ${f.visibleMs} (PATCH ${f.patchMs})`).join(", ")}; median ${median}`);
  test.info().annotations.push({ type: "status-change-visible-ms", description: JSON.stringify(figures) });
  // A figure to report (bench/README.md), not a timed assertion: CI machines are noisy.
  if (median >= BUDGET_MS) console.warn(`[board-perf] over the ${BUDGET_MS} ms budget on this machine`);
});
