import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import Link from "next/link";

export type SortDirection = "asc" | "desc";

interface Props {
  column: string;
  label: string;
  /** The table's order now. */
  sort: { column: string; dir: SortDirection };
  /** The list's other search parameters (filters), kept in the link. */
  query: string;
  /** The order a first click gives: numbers and dates biggest first, text from A. */
  firstDir?: SortDirection;
  className?: string;
}

/**
 * A column header that sorts the table by its column, the other way on a second click. A link: the
 * order lives in the URL like the filters (the query sorts, so a long list sorts as a whole), and
 * the keyboard reaches it; `aria-sort` tells a screen reader which column orders the table.
 */
export function SortHeader({ column, label, sort, query, firstDir = "asc", className = "" }: Props) {
  const active = sort.column === column;
  const params = new URLSearchParams(query);
  params.set("sort", column);
  params.set("dir", active ? (sort.dir === "asc" ? "desc" : "asc") : firstDir);
  const Icon = !active ? ChevronsUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <Link href={`?${params}`} scroll={false} className="inline-flex items-center gap-1 rounded-sm py-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
        {label}
        <Icon aria-hidden className={`size-3.5 shrink-0 ${active ? "" : "text-zinc-400 dark:text-zinc-500"}`} />
      </Link>
    </th>
  );
}
