import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listSpecVersions } from "@/db/queries/behaviour-specs";
import { SpecForm } from "@/components/admin/spec-form";
import { SpecHistory } from "@/components/admin/spec-history";
import { currentUser } from "@/lib/auth/session";
import { currentSpec } from "@/lib/behaviour/spec-store";
import { db } from "@/lib/db";
import { saveSpecAction } from "./actions";

export const metadata: Metadata = { title: "Behaviour" };

export default async function BehaviourPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const { version, spec } = await currentSpec();
  const versions = await listSpecVersions(db());
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Behaviour</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          How the assistant must answer, whatever the facts: the system prompt of base models, the target of fine-tuning and the oracle of the
          behaviour evaluation. Current version: {version}.
        </p>
      </div>
      <SpecForm initial={spec} action={saveSpecAction} />
      <SpecHistory versions={JSON.parse(JSON.stringify(versions))} current={version} />
    </section>
  );
}
