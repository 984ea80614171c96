"use client";

import { Moon, Sun, SunMoon } from "lucide-react";
import { useEffect, useState } from "react";
import { THEME_COOKIE } from "@/lib/ui/theme";

/** Whether the page shows dark now: the user's choice if any (a class on <html>), else the system's. */
function showsDark(): boolean {
  const root = document.documentElement.classList;
  return root.contains("dark") || (!root.contains("light") && window.matchMedia("(prefers-color-scheme: dark)").matches);
}

/**
 * Light or dark. Until the user chooses, the page follows the system (see the dark variant in
 * globals.css); the choice is kept in a cookie so the server renders it without a flash. The
 * button says what pressing it does ("Switch to light theme"), so it reads right in either theme.
 */
export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => {
    setDark(showsDark());
    // While the system decides, follow it when it changes.
    const system = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setDark(showsDark());
    system.addEventListener("change", onChange);
    return () => system.removeEventListener("change", onChange);
  }, []);
  const toggle = () => {
    const next = !showsDark();
    document.documentElement.classList.toggle("dark", next);
    document.documentElement.classList.toggle("light", !next);
    document.cookie = `${THEME_COOKIE}=${next ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    setDark(next);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      data-testid="theme-toggle"
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700"
    >
      {dark === null ? <SunMoon size={14} aria-hidden /> : dark ? <Sun size={14} aria-hidden /> : <Moon size={14} aria-hidden />}
      {dark === null ? "Switch theme" : dark ? "Switch to light theme" : "Switch to dark theme"}
    </button>
  );
}
