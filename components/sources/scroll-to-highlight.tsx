"use client";

import { useEffect } from "react";

/**
 * Brings the cited sentences into view, or the cited passage when none was located: centred when
 * they fit the window, else from their first line.
 */
export function ScrollToHighlight() {
  useEffect(() => {
    const sentences = [...document.querySelectorAll("mark.cited-sentence")];
    const marks = sentences.length > 0 ? sentences : [...document.querySelectorAll("mark.cited")];
    const first = marks[0]?.getBoundingClientRect();
    const last = marks.at(-1)?.getBoundingClientRect();
    if (!first || !last) return;
    const height = last.bottom - first.top;
    const top = height < window.innerHeight * 0.8 ? first.top - (window.innerHeight - height) / 2 : first.top - 16;
    window.scrollTo({ top: window.scrollY + top });
  }, []);
  return null;
}
