import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Password authentication for the embedded database's wire protocol, which PGlite does not have
 * (it answers every startup message with AuthenticationOk). PostgreSQL's MD5 exchange: the client
 * proves it knows the password without sending it, salted per connection so a reply cannot be
 * replayed. Every PostgreSQL client library speaks it.
 */
const md5 = (data: string | Buffer) => createHash("md5").update(data).digest("hex");

export class PasswordCheck {
  readonly salt = randomBytes(4);
  readonly user: string;

  constructor(
    /** The client's startup message, handed to PGlite once the password is right. */
    readonly startup: Uint8Array,
    private readonly password: string,
  ) {
    this.user = startupParameter(Buffer.from(startup), "user") ?? "";
  }

  /** Whether a PasswordMessage ('p') carries the right answer to this connection's challenge. */
  accepts(message: Uint8Array): boolean {
    const given = Buffer.from(message.subarray(5)).toString("utf8").replace(/\0$/, "");
    const expected = "md5" + md5(Buffer.concat([Buffer.from(md5(this.password + this.user)), this.salt]));
    const [a, b] = [given, expected].map((v) => createHash("sha256").update(v).digest());
    return timingSafeEqual(a!, b!);
  }
}

/** AuthenticationMD5Password: 'R', length 12, code 5, the salt. */
export function md5Challenge(salt: Buffer): Buffer {
  const out = Buffer.alloc(13);
  out.write("R", 0);
  out.writeInt32BE(12, 1);
  out.writeInt32BE(5, 5);
  salt.copy(out, 9);
  return out;
}

/** The ErrorResponse PostgreSQL sends for a wrong password (SQLSTATE 28P01), before it hangs up. */
export function passwordFailed(user: string): Buffer {
  const fields = [["S", "FATAL"], ["V", "FATAL"], ["C", "28P01"], ["M", `password authentication failed for user "${user}"`]];
  const body = Buffer.concat([...fields.map(([k, v]) => Buffer.from(`${k}${v}\0`)), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A fresh random password, for the file that keeps it (embedded-server.ts). */
export const newPassword = () => randomBytes(24).toString("base64url");

function startupParameter(startup: Buffer, name: string): string | null {
  const pairs = startup.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i] === name) return pairs[i + 1] ?? null;
  return null;
}
