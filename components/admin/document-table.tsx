"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

export interface DocumentRow {
  id: string;
  title: string;
  filename: string;
  currentVersion: number | null;
  latestVersion: number;
  latestStatus: string;
  latestError: string | null;
  mime: string;
  updatedAt: string;
  groups: string[];
  readableByEveryone: boolean;
  pagesWithoutText: number[];
}

const POLL_MS = 1500;

/** Lists documents; while any is queued or processing it polls for status changes. */
export function DocumentTable({ initial, query }: { initial: DocumentRow[]; query: string }) {
  const [rows, setRows] = useState(initial);
  useEffect(() => setRows(initial), [initial]);
  const pending = rows.some((r) => r.latestStatus === "queued" || r.latestStatus === "processing");
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/documents?${query}`).catch(() => null);
      if (response?.ok) setRows(((await response.json()) as { documents: DocumentRow[] }).documents);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, query]);

  if (rows.length === 0) return <p className="text-zinc-500 dark:text-zinc-400">No documents match.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-zinc-200 dark:border-zinc-800">
        <tr>
          <th className="py-2">Document</th>
          <th>File</th>
          <th>Readers</th>
          <th>Version</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-zinc-100 dark:border-zinc-900" data-testid="document-row">
            <td className="py-2 font-medium">
              <Link className="underline" href={`/admin/documents/${r.id}`}>
                {r.title}
              </Link>
            </td>
            <td className="text-zinc-600 dark:text-zinc-400">{r.filename}</td>
            <td>{r.readableByEveryone ? "everyone" : r.groups.join(", ")}</td>
            <td>{r.latestVersion}</td>
            <td>
              <span data-testid="document-status" className={r.latestStatus === "failed" ? "text-red-700 dark:text-red-400" : undefined}>
                {r.latestStatus}
              </span>
              {r.latestError && <p className="text-xs text-red-700 dark:text-red-400">{r.latestError}</p>}
              {r.pagesWithoutText.length > 0 && (
                <p className="text-xs text-amber-700 dark:text-amber-400">
                  {r.pagesWithoutText.length} page{r.pagesWithoutText.length > 1 ? "s" : ""} without text: needs OCR
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
