import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/session";
import { logoutAction } from "../(auth)/actions";

/** Grouped as an admin thinks of the work: content, people, retrieval, behaviour. */
const SECTIONS: { href: string; label: string }[] = [
  { href: "/admin/documents", label: "Documents" },
  { href: "/admin/analytics", label: "Cited sources" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/retrieval", label: "Retrieval" },
  { href: "/admin/embeddings", label: "Embeddings" },
  { href: "/admin/behaviour", label: "Behaviour" },
  { href: "/admin/training", label: "Training" },
  { href: "/admin/datasets", label: "Datasets" },
  { href: "/admin/fine-tunes", label: "Fine-tunes" },
  { href: "/admin/models", label: "Models" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role !== "admin") notFound();
  return (
    <div className="mx-auto max-w-5xl p-6">
      <header className="mb-6 flex flex-wrap items-center gap-4">
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
        <nav aria-label="Administration" className="flex w-full flex-wrap gap-x-3 gap-y-1 text-sm">
          {SECTIONS.map((s) => (
            <Link key={s.href} href={s.href} className="underline">
              {s.label}
            </Link>
          ))}
        </nav>
      </header>
      {children}
    </div>
  );
}
