import type { Metadata } from "next";
import { cookies } from "next/headers";
import { THEME_COOKIE } from "@/lib/ui/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Groundwork", default: "Groundwork" },
  description: "Answers from your company's own documents, every claim cited.",
  // The files in public/ (drawn by scripts/generate-icons.ts).
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme the user chose (ThemeToggle); without one, CSS follows the system.
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  return (
    <html lang="en" className={theme === "dark" || theme === "light" ? theme : undefined}>
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">{children}</body>
    </html>
  );
}
