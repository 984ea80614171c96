import { expect, type Page } from "@playwright/test";

/** The confirmation asked before a hard-to-undo action (components/ui/confirm-dialog.tsx). */
export function confirmation(page: Page) {
  return page.getByRole("alertdialog");
}

/** Answers the open confirmation with its confirm button, and waits for it to close. */
export async function confirm(page: Page, button: string) {
  const dialog = confirmation(page);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}
