"use client";

import { useEffect, useState } from "react";
import { THEME_COOKIE } from "@/lib/ui/theme";

/**
 * Light or dark. Until the user chooses, the page follows the system (see the dark variant in
 * globals.css); the choice is kept in a cookie so the server renders it without a flash.
 */
export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => {
    const root = document.documentElement.classList;
    setDark(root.contains("dark") || (!root.contains("light") && window.matchMedia("(prefers-color-scheme: dark)").matches));
  }, []);
  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle("dark", next);
    document.documentElement.classList.toggle("light", !next);
    document.cookie = `${THEME_COOKIE}=${next ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    setDark(next);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark ?? false}
      className="rounded-md border border-zinc-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700"
    >
      Dark theme
    </button>
  );
}
