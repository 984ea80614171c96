import type { Page } from "@playwright/test";

/** The four layouts issue 19's checks run at: a desktop and a phone width, each in the light and the dark theme. */
export const LAYOUTS = [
  { name: "desktop, light", width: 1280, height: 800, colorScheme: "light" },
  { name: "desktop, dark", width: 1280, height: 800, colorScheme: "dark" },
  { name: "phone, light", width: 390, height: 780, colorScheme: "light" },
  { name: "phone, dark", width: 390, height: 780, colorScheme: "dark" },
] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Puts an open page in a layout in place: the window's size, and the system theme. Cheaper than a new context. */
export async function layOut(page: Page, layout: Layout) {
  await page.setViewportSize(layout);
  await page.emulateMedia({ colorScheme: layout.colorScheme });
}
