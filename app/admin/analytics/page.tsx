import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityChart } from "@/components/admin/analytics/activity-chart";
import { BarChart } from "@/components/admin/analytics/bar-chart";
import { FailedAnswers } from "@/components/admin/analytics/failed-answers";
import { currentUser } from "@/lib/auth/session";
import { citedSourcesReport, WINDOWS, windowOf } from "@/lib/analytics/cited-sources";

export const metadata: Metadata = { title: "Cited sources" };

const documentHref = (id: string) => `/admin/documents/${id}`;

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const days = windowOf((await searchParams).days);
  const report = await citedSourcesReport(days);
  return (
    <section className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Cited sources</h1>
        <nav aria-label="Time window" className="flex gap-1 text-sm">
          {WINDOWS.map((w) => (
            <Link
              key={w}
              href={`/admin/analytics?days=${w}`}
              aria-current={w === days ? "page" : undefined}
              className="rounded-md border border-zinc-300 px-3 py-1 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:border-zinc-700"
            >
              Last {w} days
            </Link>
          ))}
        </nav>
      </div>
      <ActivityChart days={report.activity} />
      <div className="grid gap-8 md:grid-cols-2">
        <BarChart
          title="Most cited documents"
          unit={["answer", "answers"]}
          empty={`No answer cited a document in the last ${days} days.`}
          bars={report.most.map((d) => ({ label: d.title, value: d.answers, href: documentHref(d.documentId) }))}
        />
        <BarChart
          title="Least cited documents"
          unit={["answer", "answers"]}
          empty="Every document is among the most cited."
          bars={report.least.map((d) => ({ label: d.title, value: d.answers, href: documentHref(d.documentId) }))}
        />
      </div>
      <section aria-labelledby="not-cited" className="flex flex-col gap-2">
        <h2 id="not-cited" className="font-medium">
          Not cited in the last {days} days ({report.notCited.length})
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Possibly stale or hard to find: check whether they are still needed and current.</p>
        <ul className="flex flex-col gap-1 text-sm" data-testid="not-cited">
          {report.notCited.map((d) => (
            <li key={d.documentId}>
              <Link className="underline" href={documentHref(d.documentId)}>
                {d.title}
              </Link>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                {d.lastCitedAt ? `last cited ${d.lastCitedAt.toISOString().slice(0, 10)}` : "never cited"}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <FailedAnswers thumbsDown={report.thumbsDown} unanswered={report.unanswered} days={days} />
    </section>
  );
}
