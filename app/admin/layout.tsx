import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/session";
import { logoutAction } from "../(auth)/actions";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role !== "admin") notFound();
  return (
    <div className="mx-auto max-w-5xl p-6">
      <header className="mb-6 flex items-center gap-4">
        <Link href="/" className="underline">
          ← Chat
        </Link>
        <h1 className="text-xl font-semibold">Administration</h1>
        <nav aria-label="Administration" className="flex flex-1 gap-3 text-sm">
          <Link href="/admin/documents">Documents</Link>
          <Link href="/admin/users">Users</Link>
          <Link href="/admin/groups">Groups</Link>
          <Link href="/admin/audit">Audit log</Link>
        </nav>
        <SignOutButton action={logoutAction} />
      </header>
      {children}
    </div>
  );
}
