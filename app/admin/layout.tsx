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
        <h1 className="flex-1 text-xl font-semibold">Administration</h1>
        <Link href="/admin/training" className="underline">Training</Link>
        <Link href="/admin/datasets" className="underline">Datasets</Link>
        <Link href="/admin/fine-tunes" className="underline">Fine-tunes</Link>
        <SignOutButton action={logoutAction} />
      </header>
      {children}
    </div>
  );
}
