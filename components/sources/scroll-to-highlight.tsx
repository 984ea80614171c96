"use client";

import { useEffect } from "react";

/** Brings the cited passage into view: centred when it fits the window, else from its first line. */
export function ScrollToHighlight() {
  useEffect(() => {
    const marks = [...document.querySelectorAll("mark.cited")];
    const first = marks[0]?.getBoundingClientRect();
    const last = marks.at(-1)?.getBoundingClientRect();
    if (!first || !last) return;
    const height = last.bottom - first.top;
    const top = height < window.innerHeight * 0.8 ? first.top - (window.innerHeight - height) / 2 : first.top - 16;
    window.scrollTo({ top: window.scrollY + top });
  }, []);
  return null;
}
