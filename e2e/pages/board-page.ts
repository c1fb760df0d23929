import { expect, type Locator, type Page } from "@playwright/test";
import { hydrated } from "../fixtures";

/** The board (/board): its columns, their cards, and a keyboard move. */
export class BoardPage {
  constructor(readonly page: Page) {}

  /** A status column, named by its heading ("Open", "In progress" …). */
  column(status: string): Locator {
    return this.page.getByRole("group", { name: new RegExp(`^${status}\\b`) });
  }

  card(status: string, title: string): Locator {
    return this.column(status).getByRole("link", { name: title });
  }

  /** The board filtered to `title` (plus `extra` query text), hydrated, with the card in Open. */
  async openFor(title: string, extra = "") {
    await this.page.goto(`/board?q=${encodeURIComponent(title)}${extra}`);
    // Hydrated: the drag sensors and the keyboard are live only after the page's scripts ran.
    await hydrated(this.page);
    await expect(this.card("Open", title)).toBeVisible();
  }

  /** Space picks the focused card up, an arrow moves it a column, Space drops it: each step is announced. */
  async keyboardMove(to: string) {
    await this.page.keyboard.press("Space");
    await expect(this.page.getByText(/^Picked up /)).toBeAttached();
    await this.page.keyboard.press("ArrowRight");
    await expect(this.page.getByText(new RegExp(`is over ${to}\\.$`))).toBeAttached();
    await this.page.keyboard.press("Space");
  }
}
