import type { Metadata } from "next";
import { ScrollRegion } from "@/components/admin/scroll-region";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listGroups } from "@/db/queries/document-admin";
import { listOpenInvites } from "@/db/queries/invites";
import { listUsersWithGroups } from "@/db/queries/user-admin";
import { ActionForm, GroupChoices } from "@/components/admin/action-form";
import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filters";
import { SignupPolicyForm } from "@/components/admin/signup-policy-form";
import { input } from "@/components/admin/styles";
import { currentUser } from "@/lib/auth/session";
import { signupRules } from "@/lib/auth/signup-policy";
import { db } from "@/lib/db";
import { createUserAction, inviteUserAction, setActiveAction, setRoleAction, setUserGroupsAction, signOutEverywhereAction } from "./actions";
import { setSignupPolicyAction } from "./signup-actions";

export const metadata: Metadata = { title: "Users" };

const filtersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(["admin", "employee"]).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
});

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "never");

function RoleSelect({ value }: { value?: string }) {
  return (
    <select name="role" defaultValue={value ?? "employee"} aria-label="Role" className={input}>
      <option value="employee">employee</option>
      <option value="admin">admin</option>
    </select>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const me = await currentUser();
  if (me?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const filters = filtersSchema.parse(await searchParams);
  const [users, groups, invites, signup] = await Promise.all([
    listUsersWithGroups(db(), { q: filters.q, role: filters.role, active: filters.status ? filters.status === "active" : undefined }),
    listGroups(db()),
    listOpenInvites(db()),
    signupRules(),
  ]);
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Users</h1>

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="create-user" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="create-user" className="mb-2 font-medium">Create a user</h2>
          <ActionForm action={createUserAction} submit="Create user" className="flex flex-col gap-2 text-sm">
            <label className="flex flex-col gap-1">Name<input name="name" required className={input} /></label>
            <label className="flex flex-col gap-1">Email<input name="email" type="email" required className={input} /></label>
            <label className="flex flex-col gap-1">
              Initial password
              <input name="password" type="text" required minLength={8} autoComplete="off" className={input} />
            </label>
            <RoleSelect />
            <GroupChoices groups={groups} legend="Groups" />
          </ActionForm>
        </section>
        <section aria-labelledby="invite-user" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="invite-user" className="mb-2 font-medium">Invite by link</h2>
          <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">The invitee chooses their name and password. The link works once and expires.</p>
          <ActionForm action={inviteUserAction} submit="Create invitation" className="flex flex-col gap-2 text-sm">
            <label className="flex flex-col gap-1">Email<input name="email" type="email" required className={input} /></label>
            <RoleSelect />
            <GroupChoices groups={groups} legend="Groups" />
          </ActionForm>
          {invites.length > 0 && (
            <ul className="mt-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Open invitations">
              {invites.map((i) => (
                <li key={i.id}>
                  {i.email} ({i.role}), expires {when(i.expiresAt)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <SignupPolicyForm rules={signup} action={setSignupPolicyAction} />

      <FilterForm label="Filter users">
        <FilterInput label="Search" name="q" value={filters.q} placeholder="name or email" />
        <FilterSelect label="Role" name="role" value={filters.role} options={[["admin", "admin"], ["employee", "employee"]]} />
        <FilterSelect label="Status" name="status" value={filters.status} options={[["active", "active"], ["inactive", "deactivated"]]} />
      </FilterForm>

      <ScrollRegion label="Users">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th className="py-1">User</th>
              <th>Role</th>
              <th>Groups</th>
              <th>Last sign-in</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row" className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <td className="py-2">
                  <div className="font-medium">{u.name}</div>
                  <div className="text-xs text-zinc-600 dark:text-zinc-400">{u.email}</div>
                </td>
                <td className="py-2">
                  <ActionForm action={setRoleAction.bind(null, u.id)} submit="Save role">
                    <RoleSelect value={u.role} />
                  </ActionForm>
                </td>
                <td className="py-2">
                  <details>
                    <summary className="cursor-pointer">{u.groups.map((g) => g.name).join(", ") || "no groups"}</summary>
                    <ActionForm action={setUserGroupsAction.bind(null, u.id)} submit="Save groups" className="mt-2 flex flex-col items-start gap-2 text-sm">
                      <GroupChoices groups={groups} selected={u.groups.map((g) => g.id)} legend={`Groups of ${u.email}`} />
                    </ActionForm>
                  </details>
                </td>
                <td className="py-2 text-xs">{when(u.lastSignInAt)}</td>
                <td className="py-2">
                  <span data-testid="user-status" className="mr-2">{u.active ? "active" : "deactivated"}</span>
                  {u.id !== me.id &&
                    (u.active ? (
                      <ActionForm action={setActiveAction.bind(null, u.id, false)} submit="Deactivate" danger confirm={{ title: `Deactivate ${u.email}?`, description: "They are signed out on their next request." }} />
                    ) : (
                      <ActionForm action={setActiveAction.bind(null, u.id, true)} submit="Reactivate" />
                    ))}
                  {u.active && (
                    <ActionForm action={signOutEverywhereAction.bind(null, u.id)} submit="Sign out everywhere" confirm={{ title: `End every session of ${u.email}?`, description: "They sign in again to continue." }} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {users.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No users match.</p>}
    </section>
  );
}
