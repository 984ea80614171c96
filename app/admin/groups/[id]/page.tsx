import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { findGroup, groupDocuments, groupMembers } from "@/db/queries/group-admin";
import { ActionForm } from "@/components/admin/action-form";
import { input } from "@/components/admin/styles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addMemberAction, deleteGroupAction, removeMemberAction, renameGroupAction } from "../actions";

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  if ((await currentUser())?.role !== "admin") notFound();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const group = await findGroup(db(), id.data);
  if (!group) notFound();
  const [members, documents] = await Promise.all([groupMembers(db(), group.id), groupDocuments(db(), group.id)]);
  return (
    <section className="flex flex-col gap-6">
      <Link href="/admin/groups" className="text-sm underline">
        ← Groups
      </Link>
      <h1 className="text-xl font-semibold">Group {group.name}</h1>
      <div className="flex flex-wrap items-end gap-6">
        <ActionForm action={renameGroupAction.bind(null, group.id)} submit="Rename">
          <label className="flex flex-col gap-1">
            Name
            <input name="name" defaultValue={group.name} required maxLength={100} className={input} />
          </label>
        </ActionForm>
        <ActionForm
          action={deleteGroupAction.bind(null, group.id)}
          submit="Delete group"
          danger
          confirm={{
            title: `Delete the group ${group.name}?`,
            description: "Its members lose access to documents only it could read; those stay restricted (administrators only), never public.",
          }}
        />
      </div>

      <section aria-labelledby="members" className="flex flex-col gap-2">
        <h2 id="members" className="font-medium">Members ({members.length})</h2>
        <ActionForm action={addMemberAction.bind(null, group.id)} submit="Add member">
          <label className="flex flex-col gap-1">
            Member email
            <input name="email" type="email" required className={input} />
          </label>
        </ActionForm>
        <ul className="flex flex-col gap-1 text-sm">
          {members.map((m) => (
            // Wraps on a phone: the name, the address and "Remove <address>" do not fit one line.
            <li key={m.id} data-testid="member-row" className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="min-w-0 wrap-anywhere">
                {m.name} &lt;{m.email}&gt;{!m.active && " (deactivated)"}
              </span>
              <ActionForm action={removeMemberAction.bind(null, group.id, m.id)} submit={`Remove ${m.email}`} danger />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="documents" className="flex flex-col gap-2">
        <h2 id="documents" className="font-medium">Documents this group can read ({documents.length})</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {documents.map((d) => (
            <li key={d.id}>
              <Link className="underline" href={`/admin/documents/${d.id}`}>
                {d.title}
              </Link>{" "}
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{d.filename}</span>
            </li>
          ))}
        </ul>
        {documents.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No documents are restricted to this group.</p>}
      </section>
    </section>
  );
}
