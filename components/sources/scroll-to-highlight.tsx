"use client";

import { useEffect } from "react";

export function ScrollToHighlight() {
  useEffect(() => {
    document.querySelector("mark.cited")?.scrollIntoView({ block: "center" });
  }, []);
  return null;
}
