"use client";

import { useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches, following it as the window changes. The server (and the first
 * render after it, so hydration matches) answers `serverAnswer`; the browser's answer follows at once.
 */
export function useMediaQuery(query: string, serverAnswer = false): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => serverAnswer,
  );
}
