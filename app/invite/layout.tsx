// Signed-out pages have no navigation, but still one <main> landmark (issue 19).
export default function SignedOutLayout({ children }: { children: React.ReactNode }) {
  return <main>{children}</main>;
}
