import type { TrainingExampleRow } from "@/lib/behaviour/examples";
import { ActionForm } from "./action-form";
import { ScrollRegion } from "./scroll-region";

type Action = React.ComponentProps<typeof ActionForm>["action"];

/** Training examples with their tags; leak findings say which sentence states which unsourced fact. */
export function ExampleList({ examples, flag }: { examples: TrainingExampleRow[]; flag: Action }) {
  if (examples.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No examples yet.</p>;
  return (
    <ScrollRegion label="Training examples">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-1">Question and ideal answer</th>
            <th>Origin</th>
            <th>Tags</th>
            <th>Knowledge leak</th>
          </tr>
        </thead>
        <tbody>
          {examples.map((e) => (
            <tr key={e.id} className="border-b border-zinc-100 align-top dark:border-zinc-900" data-testid="example-row">
              <td className="max-w-md py-2 pr-2">
                <div className="font-medium">{e.question}</div>
                <div className="line-clamp-3 whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">{e.idealAnswer}</div>
                <div className="text-xs text-zinc-600 dark:text-zinc-400">
                  {e.sources.length} source{e.sources.length === 1 ? "" : "s"} · spec v{e.specVersion}
                </div>
              </td>
              <td className="pr-2">{e.origin}</td>
              <td className="pr-2">
                <div className="flex flex-wrap gap-1">
                  {e.tags.map((t) => (
                    <span key={t} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
                      {t}
                    </span>
                  ))}
                </div>
              </td>
              <td className="flex flex-col gap-1 py-2">
                {e.leaks.length === 0 ? (
                  <span className="text-green-700 dark:text-green-400">none</span>
                ) : (
                  <>
                    <span className={e.leakAccepted ? "text-zinc-600 dark:text-zinc-400" : "text-amber-700 dark:text-amber-400"}>{e.leakAccepted ? "accepted" : "flagged: excluded from datasets"}</span>
                    <ul className="text-xs">
                      {e.leaks.map((l) => (
                        <li key={l.sentence}>
                          “{l.sentence}” — not in sources: <strong>{l.missing.join(", ")}</strong>
                        </li>
                      ))}
                    </ul>
                    {!e.leakAccepted && (
                      <ActionForm action={flag} submit="Accept anyway" secondary>
                        <input type="hidden" name="id" value={e.id} />
                        <input type="hidden" name="flag" value="accept" />
                      </ActionForm>
                    )}
                  </>
                )}
                <ActionForm action={flag} submit="Archive" secondary>
                  <input type="hidden" name="id" value={e.id} />
                  <input type="hidden" name="flag" value="archive" />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
