export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button className="underline">Sign out</button>
    </form>
  );
}
