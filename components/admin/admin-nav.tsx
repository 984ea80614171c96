"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface AdminSection {
  href: string;
  label: string;
}

/** The one navigation of the admin pages; the section being viewed is marked for screen readers too. */
export function AdminNav({ sections }: { sections: AdminSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="flex flex-wrap items-center gap-x-1 gap-y-1 text-sm">
      <Link href="/" className="mr-2 rounded-md px-2 py-1 underline focus-visible:outline-2 focus-visible:outline-blue-600">
        ← Chat
      </Link>
      {sections.map((s) => {
        const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 ${
              current ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"
            }`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
