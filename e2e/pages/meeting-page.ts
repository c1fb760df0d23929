import type { Locator, Page } from "@playwright/test";

/** A meeting's page (/meetings/<id>) and the way there from the meetings list. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  /** From anywhere in the app: Meetings, then the meeting by its title. */
  async openFromList(title: string) {
    await this.page.getByRole("link", { name: "Meetings" }).first().click();
    await this.page.getByRole("link", { name: title }).first().click();
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: title });
  }

  /** A follow-up listed on the meeting's page, by its title. */
  followUp(title: string): Locator {
    return this.page.getByRole("link", { name: title });
  }
}
