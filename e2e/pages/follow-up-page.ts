import { expect, type Locator, type Page } from "@playwright/test";

/** One follow-up's page (/follow-ups/<id>): its heading, the status buttons and the conflict notice. */
export class FollowUpPage {
  constructor(readonly page: Page) {}

  async open(id: string) {
    await this.page.goto(`/follow-ups/${id}`);
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: title });
  }

  /** The page's id, from its address. */
  id(): string {
    return this.page.url().split("/").pop() ?? "";
  }

  statusButton(label: string): Locator {
    return this.page.getByRole("button", { name: label });
  }

  /** Sets a status other than Done (Done asks about evidence first: see markDoneWithoutEvidence). */
  async setStatus(label: string) {
    await this.statusButton(label).click();
    await expect(this.statusButton(label)).toHaveAttribute("aria-pressed", "true");
  }

  async markDoneWithoutEvidence() {
    await this.statusButton("Done").click();
    await this.page.getByRole("dialog", { name: "Mark as done" }).getByRole("button", { name: "Mark done without evidence" }).click();
  }

  conflictNotice(): Locator {
    return this.page.getByText("Not saved: this follow-up changed since you opened it.");
  }
}
