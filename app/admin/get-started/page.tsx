import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircleCheck, Circle } from "lucide-react";
import { ActionForm } from "@/components/admin/action-form";
import { ModelConnectForm } from "@/components/admin/model-connect-form";
import { SampleOffer } from "@/components/admin/sample-offer";
import { card, input } from "@/components/admin/styles";
import { resolveActiveModel } from "@/lib/ai/registry";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { firstRunProgress } from "@/lib/setup";
import { loadSamplesAction } from "../actions";
import { registerModelAction } from "../models/actions";
import { inviteUserAction } from "../users/actions";
import { testConnectionAction } from "./actions";

export const metadata: Metadata = { title: "Get started" };

function Step({ n, title, done, status, children }: { n: number; title: string; done: boolean; status: string; children: React.ReactNode }) {
  return (
    <li className={card} aria-labelledby={`step-${n}`} data-testid={`step-${n}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`step-${n}`} className="font-medium">
          {n}. {title}
        </h2>
        <span className={`inline-flex items-center gap-1 text-sm ${done ? "text-green-800 dark:text-green-300" : "text-zinc-600 dark:text-zinc-400"}`} data-testid="step-status">
          {done ? <CircleCheck size={16} aria-hidden /> : <Circle size={16} aria-hidden />}
          {status}
        </span>
      </div>
      {children}
    </li>
  );
}

/** The first admin's first page: what makes Groundwork useful, each step marked once it is done. */
export default async function GetStartedPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const [progress, active] = await Promise.all([firstRunProgress(), resolveActiveModel()]);
  const e = env();
  const keysSet = { OPENAI_API_KEY: Boolean(e.OPENAI_API_KEY), OPENAI_COMPATIBLE_API_KEY: Boolean(e.OPENAI_COMPATIBLE_API_KEY) };
  const others = progress.users - 1;
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Get started</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Three things make Groundwork useful to your colleagues. Each is marked done once it is; come back here any time.</p>
      </div>
      <ol className="flex flex-col gap-4">
        <Step
          n={1}
          title="Connect a chat model"
          done={progress.connectedModels > 0}
          status={progress.connectedModels > 0 ? `Done: ${progress.connectedModels} connected` : "Optional"}
        >
          <p className="text-sm">
            The active model is <strong>{active.name}</strong>. The built-in model works offline and quotes your documents; a hosted or
            self-hosted model writes fuller answers. A registered model is a candidate until its behaviour evaluation passes and you promote
            it on the <Link href="/admin/models" className="underline">models page</Link>.
          </p>
          <ModelConnectForm test={testConnectionAction} register={registerModelAction} keysSet={keysSet} />
        </Step>
        <Step n={2} title="Add your documents" done={progress.documents > 0} status={progress.documents > 0 ? `Done: ${progress.documents} document${progress.documents === 1 ? "" : "s"}` : "To do"}>
          <p className="text-sm">
            <Link href="/admin/documents" className="underline">Upload your policies</Link> (PDF, Word, Markdown, HTML, text) and choose who may read each, or
            try Groundwork on sample company policies first.
          </p>
          <SampleOffer action={loadSamplesAction} compact />
        </Step>
        <Step
          n={3}
          title="Invite people"
          done={others > 0 || progress.openInvites > 0}
          status={others > 0 || progress.openInvites > 0 ? `Done: ${others} joined, ${progress.openInvites} invitation${progress.openInvites === 1 ? "" : "s"} open` : "To do"}
        >
          <p className="text-sm">
            Send a colleague a one-time link; they choose their name and password. Groups, roles and the sign-up policy are on the{" "}
            <Link href="/admin/users" className="underline">users page</Link>.
          </p>
          <ActionForm action={inviteUserAction} submit="Create invitation" className="flex flex-col gap-2 text-sm">
            <input type="hidden" name="role" value="employee" />
            <label className="flex flex-col gap-1">
              Colleague&apos;s email
              <input name="email" type="email" required className={input} />
            </label>
          </ActionForm>
        </Step>
      </ol>
    </section>
  );
}
