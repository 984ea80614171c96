import Link from "next/link";
import { readableSize } from "@/lib/ingest/readable-size";
import { ScrollRegion } from "./scroll-region";

interface Version {
  id: string;
  number: number;
  status: string;
  error: string | null;
  filename: string;
  sizeBytes: number;
  pageCount: number | null;
  pagesWithoutText: number[] | null;
  createdAt: string;
}

export function VersionHistory({ versions, currentVersionId, documentId }: { versions: Version[]; currentVersionId: string | null; documentId: string }) {
  return (
    <section aria-label="Version history" className="text-sm">
      <h2 className="mb-2 font-medium">Version history</h2>
      <ScrollRegion label="Document versions">
        <table className="w-full text-left">
          <thead className="border-b border-zinc-200 dark:border-zinc-800">
            <tr>
              <th className="py-1">Version</th>
              <th>Uploaded</th>
              <th>Size</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className="border-b border-zinc-100 dark:border-zinc-900" data-testid="version-row">
                <td className="py-1">
                  {v.status === "ready" ? (
                    <Link className="underline" href={`/sources/${documentId}/${v.id}`}>
                      {v.number}
                    </Link>
                  ) : (
                    v.number
                  )}
                  {v.id === currentVersionId ? " (current)" : v.status === "ready" ? " (superseded)" : ""}
                </td>
                <td>{new Date(v.createdAt).toLocaleString()}</td>
                <td>
                  {readableSize(v.sizeBytes)}{v.pageCount ? `, ${v.pageCount} pages` : ""}
                </td>
                <td>
                  {v.status}
                  {v.error && <p className="text-xs text-red-700 dark:text-red-400">{v.error}</p>}
                  {v.pagesWithoutText && v.pagesWithoutText.length > 0 && (
                    <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="needs-ocr">
                      No text, needs OCR: page{v.pagesWithoutText.length > 1 ? "s" : ""} {v.pagesWithoutText.join(", ")}. These pages were not
                      indexed.
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
