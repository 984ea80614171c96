import { ActionForm } from "@/components/admin/action-form";
import { LinkNotValid, NewAccountFields } from "@/components/auth/one-time-link";
import { openInvite } from "@/lib/admin/invites";
import { acceptInviteAction } from "./actions";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 200 ? await openInvite(token) : null;
  if (!invite) {
    return <LinkNotValid title="Invitation not valid" message="This invitation link was used already or has expired. Ask an administrator for a new one." />;
  }
  return (
    <div className="mx-auto mt-24 flex max-w-sm flex-col gap-4 px-4">
      <h1 className="text-2xl font-semibold">Join Groundwork</h1>
      <p className="text-sm">
        You were invited as <strong>{invite.email}</strong>. Choose your name and a password.
      </p>
      <ActionForm action={acceptInviteAction.bind(null, token)} submit="Create account" className="flex flex-col gap-3">
        <NewAccountFields askEmail={false} />
      </ActionForm>
    </div>
  );
}
