import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { input } from "@/components/admin/styles";
import { openInvite } from "@/lib/admin/invites";
import { acceptInviteAction } from "./actions";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 200 ? await openInvite(token) : null;
  if (!invite) {
    return (
      <div className="mx-auto mt-24 flex max-w-sm flex-col gap-3 px-4">
        <h1 className="text-2xl font-semibold">Invitation not valid</h1>
        <p role="alert">This invitation link was used already or has expired. Ask an administrator for a new one.</p>
        <Link className="underline" href="/login">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto mt-24 flex max-w-sm flex-col gap-4 px-4">
      <h1 className="text-2xl font-semibold">Join Groundwork</h1>
      <p className="text-sm">
        You were invited as <strong>{invite.email}</strong>. Choose your name and a password.
      </p>
      <ActionForm action={acceptInviteAction.bind(null, token)} submit="Create account" className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm">
          Name
          <input name="name" required autoComplete="name" className={input} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Password
          <input name="password" type="password" required minLength={8} autoComplete="new-password" className={input} />
        </label>
      </ActionForm>
    </div>
  );
}
