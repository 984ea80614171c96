"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { readableSize } from "@/lib/ingest/readable-size";
import { ScrollRegion } from "./scroll-region";
import { SortHeader, type SortDirection } from "./sort-header";

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
  pages: number | null;
  chunks: number;
  sizeBytes: number;
  uploadedBy: string | null;
}

const POLL_MS = 1500;

const number = "px-2 text-right tabular-nums";

/** Lists documents in the order the server sorted them; while any is queued or processing it polls for status changes. */
export function DocumentTable({ initial, query, sort }: { initial: DocumentRow[]; query: string; sort: { column: string; dir: SortDirection } }) {
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
  const header = (column: string, label: string) => ({ column, label, sort, query });
  return (
    <ScrollRegion label="Documents" testId="document-table">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <SortHeader {...header("title", "Document")} className="pr-2" />
            <SortHeader {...header("file", "File")} className="px-2" />
            <th scope="col" className="px-2">
              Readers
            </th>
            <SortHeader {...header("version", "Version")} firstDir="desc" className={number} />
            <SortHeader {...header("pages", "Pages")} firstDir="desc" className={number} />
            <SortHeader {...header("chunks", "Chunks")} firstDir="desc" className={number} />
            <SortHeader {...header("size", "Size")} firstDir="desc" className={number} />
            <SortHeader {...header("uploader", "Uploaded by")} className="px-2" />
            <SortHeader {...header("date", "Date")} firstDir="desc" className="px-2" />
            <SortHeader {...header("status", "Status")} className="pl-2" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-zinc-100 align-top dark:border-zinc-900" data-testid="document-row">
              <td className="py-2 pr-2 font-medium">
                <Link className="underline" href={`/admin/documents/${r.id}`}>
                  {r.title}
                </Link>
              </td>
              <td className="px-2 py-2 break-all text-zinc-600 dark:text-zinc-400">{r.filename}</td>
              <td className="px-2 py-2">{r.readableByEveryone ? "everyone" : r.groups.join(", ")}</td>
              <td className={`${number} py-2`}>{r.latestVersion}</td>
              <td className={`${number} py-2`} data-testid="document-pages">{r.pages ?? "–"}</td>
              <td className={`${number} py-2`} data-testid="document-chunks">{r.chunks}</td>
              <td className={`${number} py-2 whitespace-nowrap`} data-testid="document-size">{readableSize(r.sizeBytes)}</td>
              <td className="px-2 py-2" data-testid="document-uploader">{r.uploadedBy ?? "–"}</td>
              <td className="px-2 py-2 whitespace-nowrap">
                {/* The UTC date, the same on server and client (no hydration mismatch across time zones). */}
                <time dateTime={r.updatedAt} data-testid="document-date">{r.updatedAt.slice(0, 10)}</time>
              </td>
              <td className="py-2 pl-2">
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
    </ScrollRegion>
  );
}
