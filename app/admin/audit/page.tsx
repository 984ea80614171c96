import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { auditActions, listAudit } from "@/db/queries/audit";
import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filters";
import { ScrollRegion } from "@/components/admin/scroll-region";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

const text = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);
const day = z.iso.date().optional().catch(undefined);
const filtersSchema = z.object({
  action: text,
  actor: text,
  targetType: text,
  targetId: text,
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  if ((await currentUser())?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const f = filtersSchema.parse(await searchParams);
  const [rows, actions] = await Promise.all([
    listAudit(db(), {
      action: f.action,
      actor: f.actor,
      targetType: f.targetType,
      targetId: f.targetId,
      after: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
      // "to" is inclusive: everything before the next day.
      before: f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
      limit: PAGE_SIZE + 1,
      offset: (f.page - 1) * PAGE_SIZE,
    }),
    auditActions(db()),
  ]);
  const more = rows.length > PAGE_SIZE;
  const pageLink = (page: number) => {
    const q = new URLSearchParams(Object.entries({ ...f, page: String(page) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/admin/audit?${q}`;
  };
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      <FilterForm label="Filter the audit log">
        <FilterSelect label="Action" name="action" value={f.action} options={actions.map((a) => [a, a])} />
        <FilterInput label="Actor" name="actor" value={f.actor} placeholder="email" />
        <FilterInput label="Target type" name="targetType" value={f.targetType} placeholder="user, group, document…" />
        <FilterInput label="Target id" name="targetId" value={f.targetId} />
        <FilterInput label="From" name="from" type="date" value={f.from} />
        <FilterInput label="To" name="to" type="date" value={f.to} />
      </FilterForm>
      <ScrollRegion label="Audit log entries">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th className="py-1">When (UTC)</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Target</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PAGE_SIZE).map((r) => (
              <tr key={r.id} data-testid="audit-row" className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <td className="py-1 whitespace-nowrap">{r.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td>{r.actorEmail ?? "—"}</td>
                <td className="font-mono text-xs">{r.action}</td>
                <td className="text-xs">
                  {r.targetType}
                  {r.targetId && <div className="font-mono text-zinc-600 dark:text-zinc-400">{r.targetId}</div>}
                </td>
                <td className="max-w-xs font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{r.details ? JSON.stringify(r.details) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {rows.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No entries match.</p>}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {f.page > 1 && (
          <Link className="underline" href={pageLink(f.page - 1)}>
            ← Newer
          </Link>
        )}
        <span>Page {f.page}</span>
        {more && (
          <Link className="underline" href={pageLink(f.page + 1)}>
            Older →
          </Link>
        )}
      </nav>
    </section>
  );
}
