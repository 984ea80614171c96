"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ScrollRegion } from "./scroll-region";

export interface EmbeddingModelView {
  id: string;
  provider: string;
  dimensions: number;
  status: "available" | "building" | "ready" | "active" | "retired";
  totalChunks: number;
  embeddedChunks: number;
  error: string | null;
}

type Outcome = { error?: string; message?: string };
interface Props {
  models: EmbeddingModelView[];
  start: (id: string) => Promise<Outcome>;
  cancel: (id: string) => Promise<Outcome>;
  drop: (id: string) => Promise<Outcome>;
}

const button = "rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700";

export function EmbeddingModelTable({ models, start, cancel, drop }: Props) {
  const router = useRouter();
  const [pending, begin] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>({});
  const switching = models.some((m) => m.status === "building" || m.status === "ready");
  // While a switch runs, progress is re-read every second.
  useEffect(() => {
    if (!switching) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [switching, router]);
  const act = (action: (id: string) => Promise<Outcome>, id: string) => begin(async () => setOutcome(await action(id)));
  return (
    <div className="flex flex-col gap-3">
      <ScrollRegion label="Embedding models">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2">Model</th>
              <th>Provider</th>
              <th>Dimensions</th>
              <th>Status</th>
              <th>Progress</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.id} data-testid="embedding-model-row" className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2 font-mono">{m.id}</td>
                <td>{m.provider}</td>
                <td>{m.dimensions}</td>
                <td data-testid="embedding-model-status">{m.status}</td>
                <td data-testid="embedding-model-progress">
                  {m.status === "building" || m.status === "ready" ? (
                    <span className="flex items-center gap-2">
                      <progress max={Math.max(m.totalChunks, 1)} value={m.embeddedChunks} />
                      {m.embeddedChunks} / {m.totalChunks} chunks{m.status === "ready" ? ", index built" : ""}
                    </span>
                  ) : m.status === "active" || m.status === "retired" ? (
                    `${m.embeddedChunks} / ${m.totalChunks} chunks`
                  ) : (
                    ""
                  )}
                  {m.error && <div className="text-red-700 dark:text-red-400">{m.error}</div>}
                </td>
                <td className="text-right">
                  {(m.status === "available" || m.status === "retired") && !switching && (
                    <button disabled={pending} className={button} onClick={() => act(start, m.id)}>
                      Switch to this model
                    </button>
                  )}
                  {(m.status === "building" || m.status === "ready") && (
                    <button disabled={pending} className={button} onClick={() => act(cancel, m.id)}>
                      Cancel
                    </button>
                  )}
                  {m.status === "retired" && (
                    <ConfirmDialog
                      trigger={
                        <button disabled={pending} className={`${button} ml-2 text-red-700 dark:text-red-400`}>
                          Drop vectors
                        </button>
                      }
                      title={`Drop the vectors of ${m.id}?`}
                      description="Switching back to this model would re-embed every document."
                      confirmLabel="Drop vectors"
                      danger
                      onConfirm={() => act(drop, m.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {outcome.message && <p role="status" className="text-sm">{outcome.message}</p>}
      {outcome.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{outcome.error}</p>}
    </div>
  );
}
