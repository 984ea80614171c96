import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/auth/password-form";
import { currentUser } from "@/lib/auth/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4 p-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Signed in as {user.email}. Changing your password signs you out everywhere, on this device too.
      </p>
      <PasswordForm action={changePasswordAction} />
    </section>
  );
}
