import { ActionForm } from "@/components/admin/action-form";
import { LinkNotValid, NewAccountFields } from "@/components/auth/one-time-link";
import { setupTokenValid } from "@/lib/auth/first-admin";
import { setupAdminAction } from "./actions";

/** The one-time link printed on the console of a fresh install: it alone creates the first administrator. */
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await setupTokenValid(token))) {
    return (
      <LinkNotValid
        title="Setup link not valid"
        message="This setup link is not valid: the administrator exists already, or the server printed a newer link when it restarted."
      />
    );
  }
  return (
    <div className="mx-auto mt-24 flex max-w-sm flex-col gap-4 px-4">
      <h1 className="text-2xl font-semibold">Set up Groundwork</h1>
      <p className="text-sm">Create the administrator account. This link works once.</p>
      <ActionForm action={setupAdminAction.bind(null, token)} submit="Create administrator" className="flex flex-col gap-3">
        <NewAccountFields askEmail />
      </ActionForm>
    </div>
  );
}
