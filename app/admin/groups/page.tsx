import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listGroupsWithCounts } from "@/db/queries/group-admin";
import { ActionForm } from "@/components/admin/action-form";
import { ScrollRegion } from "@/components/admin/scroll-region";
import { input } from "@/components/admin/styles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createGroupAction } from "./actions";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  if ((await currentUser())?.role !== "admin") notFound();
  const groups = await listGroupsWithCounts(db());
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Groups</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A document restricted to groups is readable by their members (and administrators). Choose a document&apos;s groups on its page.
      </p>
      <ActionForm action={createGroupAction} submit="Create group">
        <label className="flex flex-col gap-1">
          New group name
          <input name="name" required maxLength={100} className={input} />
        </label>
      </ActionForm>
      <ScrollRegion label="Groups">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th className="py-1">Group</th>
              <th>Members</th>
              <th>Documents</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} data-testid="group-row" className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-2">
                  <Link className="underline" href={`/admin/groups/${g.id}`}>
                    {g.name}
                  </Link>
                </td>
                <td>{g.members}</td>
                <td>{g.documents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {groups.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No groups yet.</p>}
    </section>
  );
}
