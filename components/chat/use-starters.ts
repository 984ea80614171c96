"use client";

import { useEffect, useState } from "react";

const FIRST_WAIT_MS = 3000;
const LONGEST_WAIT_MS = 15_000;

/**
 * The empty chat's starter questions. While it has none (no document ready yet, or none this user
 * may read) it asks the server again, at first every 3 s, then less often, up to every 15 s, so
 * the questions appear once the first documents are ready, without a reload. It stops once it
 * has some, or once the chat is no longer empty.
 */
export function useStarters(initial: string[], empty: boolean): string[] {
  const [starters, setStarters] = useState(initial);
  const waiting = empty && starters.length === 0;
  useEffect(() => {
    if (!waiting) return;
    let wait = FIRST_WAIT_MS;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const check = async () => {
      // A hidden tab waits for its next turn rather than asking for questions no one sees.
      const response = document.hidden ? null : await fetch("/api/starters", { cache: "no-store" }).catch(() => null);
      const found = response?.ok ? ((await response.json()) as { starters: string[] }).starters : [];
      if (stopped) return;
      if (found.length > 0) return setStarters(found);
      wait = Math.min(wait * 1.5, LONGEST_WAIT_MS);
      timer = setTimeout(check, wait);
    };
    timer = setTimeout(check, wait);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [waiting]);
  return starters;
}
