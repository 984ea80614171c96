"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

interface Outcome {
  name: string;
  message: string;
  ok: boolean;
}

export function UploadForm() {
  const router = useRouter();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState(false);

  async function upload(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    const results: Outcome[] = [];
    for (const file of Array.from(files)) {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/documents", { method: "POST", body }).catch(() => null);
      const json = (await response?.json().catch(() => null)) as { outcome?: string; number?: number; error?: { message: string } } | null;
      if (response?.ok && json?.outcome === "unchanged") {
        results.push({ name: file.name, ok: true, message: `unchanged: identical to version ${json.number}` });
      } else if (response?.ok) {
        results.push({ name: file.name, ok: true, message: `queued as version ${json?.number}` });
      } else {
        results.push({ name: file.name, ok: false, message: json?.error?.message ?? "Upload failed. Check your connection and try again." });
      }
    }
    setOutcomes(results);
    setBusy(false);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      <label className="flex w-fit cursor-pointer items-center gap-2 rounded-md bg-zinc-900 px-4 py-2 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
        {busy ? "Uploading…" : "Upload documents"}
        <input
          type="file"
          multiple
          className="sr-only"
          accept=".md,.markdown,.txt,.html,.htm,.pdf,.docx"
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = "";
          }}
        />
      </label>
      <ul aria-live="polite" className="text-sm">
        {outcomes.map((o, i) => (
          <li key={i} className={o.ok ? "text-zinc-700 dark:text-zinc-300" : "text-red-700 dark:text-red-400"} role={o.ok ? undefined : "alert"}>
            {o.name}: {o.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
