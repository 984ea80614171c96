import Link from "next/link";
import { input } from "../admin/styles";

/** What a used, expired or made-up one-time link (invitation, setup) shows. */
export function LinkNotValid({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto mt-24 flex max-w-sm flex-col gap-3 px-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p role="alert">{message}</p>
      <Link className="underline" href="/login">
        Sign in
      </Link>
    </div>
  );
}

/** The fields a person fills in to create their account from a one-time link. */
export function NewAccountFields({ askEmail }: { askEmail: boolean }) {
  const fields: [string, string, string, string][] = [
    ["Name", "name", "text", "name"],
    ...(askEmail ? [["Email", "email", "email", "email"] as [string, string, string, string]] : []),
    ["Password", "password", "password", "new-password"],
  ];
  return fields.map(([label, name, type, autoComplete]) => (
    <label key={name} className="flex flex-col gap-1 text-sm">
      {label}
      <input name={name} type={type} required minLength={name === "password" ? 8 : undefined} autoComplete={autoComplete} className={input} />
    </label>
  ));
}
