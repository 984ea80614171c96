import { BlockList, isIP } from "node:net";

/** "10.0.0.0/8" -> ["10.0.0.0", 8]; a bare address is its own range. */
function parts(entry: string): [string, number | null] {
  const [address = "", prefix] = entry.split("/");
  return [address, prefix === undefined ? null : Number(prefix)];
}

export function isAddressOrRange(entry: string): boolean {
  const [address, prefix] = parts(entry);
  const family = isIP(address);
  if (!family) return false;
  return prefix === null || (Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128));
}

/** An IPv4 peer may show as "::ffff:192.0.2.1" on a dual-stack socket: one address, one spelling. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * Whether an address falls in any of `entries` (validated by isAddressOrRange). Node's BlockList
 * does the matching, IPv4-mapped IPv6 included, rather than parsing addresses by hand.
 */
export function addressMatcher(entries: string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = parts(entry);
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return (address) => {
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    return family !== 0 && list.check(normalized, family === 4 ? "ipv4" : "ipv6");
  };
}
