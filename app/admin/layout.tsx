import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AdminNav, type AdminSection } from "@/components/admin/admin-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/session";
import { logoutAction } from "../(auth)/actions";

export const metadata: Metadata = { title: { template: "%s · Groundwork admin", default: "Groundwork admin" } };

/** Grouped as an admin thinks of the work: content, people, retrieval, behaviour. */
const SECTIONS: AdminSection[] = [
  { href: "/admin/get-started", label: "Get started" },
  { href: "/admin/documents", label: "Documents" },
  { href: "/admin/analytics", label: "Cited sources" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/retrieval", label: "Retrieval" },
  { href: "/admin/embeddings", label: "Embeddings" },
  { href: "/admin/behaviour", label: "Behaviour" },
  { href: "/admin/answer-quality", label: "Answer quality" },
  { href: "/admin/training", label: "Training" },
  { href: "/admin/datasets", label: "Datasets" },
  { href: "/admin/fine-tunes", label: "Fine-tunes" },
  { href: "/admin/models", label: "Models" },
];

// One navigation and one <main> (issue 19): each page's own title is its <h1>.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role !== "admin") notFound();
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <header className="mb-6 flex flex-col gap-2 border-b border-zinc-200 pb-3 dark:border-zinc-800">
        <div className="flex items-center justify-between gap-4 text-sm">
          <span className="font-semibold">Groundwork administration</span>
          <SignOutButton action={logoutAction} />
        </div>
        <AdminNav sections={SECTIONS} />
      </header>
      <main>{children}</main>
    </div>
  );
}
