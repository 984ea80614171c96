import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { md5Challenge, passwordFailed, PasswordCheck } from "./wire-password";

/**
 * Serves one PGlite instance to many PostgreSQL wire-protocol clients.
 *
 * Why not pglite-socket's own server: its multiplexer (0.2.17) interleaves clients message by
 * message, so one client's Parse/Bind/Execute can land between another's and a query returns
 * another client's rows ("portal does not exist", wrong results; seen here under a pool of 10).
 * This multiplexer runs each client's messages up to and including the Sync (or a simple Query)
 * as one unit, and while a client is inside a transaction it serves that client alone, so
 * clients see the isolation a real server gives them.
 */
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

interface Batch {
  client: Client;
  messages: Uint8Array[];
}

class Client {
  private buffer = Buffer.alloc(0);
  private pending: Uint8Array[] = [];
  private started = false;
  /** Set between the startup message and a right password: nothing reaches PGlite before. */
  private check: PasswordCheck | null = null;

  constructor(
    readonly socket: net.Socket,
    private readonly submit: (batch: Batch) => void,
    private readonly password: string,
  ) {}

  receive(data: Buffer) {
    if (this.socket.writableEnded) return; // refused: whatever else it sends goes nowhere
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (!this.started) {
        // Startup-phase messages carry no type byte: int32 length, int32 code.
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (code === SSL_REQUEST) {
          this.buffer = this.buffer.subarray(8);
          this.socket.write("N"); // no TLS on loopback
          continue;
        }
        if (code === CANCEL_REQUEST) {
          this.buffer = this.buffer.subarray(Math.max(length, 8));
          this.socket.end();
          return;
        }
        if (this.buffer.length < length) return;
        if (code !== PROTOCOL_3) {
          this.socket.destroy();
          return;
        }
        this.started = true;
        // PGlite answers any startup with AuthenticationOk: the password is asked for here first.
        this.check = new PasswordCheck(new Uint8Array(this.buffer.subarray(0, length)), this.password);
        this.socket.write(md5Challenge(this.check.salt));
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) return;
      const type = String.fromCharCode(this.buffer[0]!);
      const message = new Uint8Array(this.buffer.subarray(0, length));
      this.buffer = this.buffer.subarray(length);
      if (type === "X") {
        this.socket.end();
        return;
      }
      if (this.check) {
        if (type !== "p" || !this.check.accepts(message)) {
          this.socket.end(passwordFailed(this.check.user));
          this.buffer = Buffer.alloc(0);
          return;
        }
        this.submit({ client: this, messages: [this.check.startup] });
        this.check = null;
        continue;
      }
      this.pending.push(message);
      // Sync ends an extended-protocol exchange; Query is a whole exchange; Flush asks for output.
      if (type === "S" || type === "Q" || type === "H") {
        this.submit({ client: this, messages: this.pending });
        this.pending = [];
      }
    }
  }
}

export class WireMultiplexer {
  private readonly queue: Batch[] = [];
  private running = false;
  /** The client whose transaction is open: only its batches run until it ends. */
  private owner: Client | null = null;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  /** `password`: what every client must give (MD5 challenge; loopback only, so no TLS). */
  constructor(private readonly db: PGlite, private readonly password: string) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve((this.server.address() as net.AddressInfo).port));
    });
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }

  private accept(socket: net.Socket) {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const client = new Client(
      socket,
      (batch) => {
        this.queue.push(batch);
        void this.drain();
      },
      this.password,
    );
    socket.on("data", (data) => client.receive(data));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.sockets.delete(socket);
      void this.disconnect(client);
    });
  }

  private async disconnect(client: Client) {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.client === client) this.queue.splice(i, 1);
    if (this.owner === client) {
      // A client that vanished mid-transaction: roll it back so nobody waits on it forever.
      await this.db.exec("ROLLBACK").catch(() => {}); // exec takes PGlite's own lock
      this.owner = null;
      void this.drain();
    }
  }

  private next(): Batch | undefined {
    if (!this.owner) return this.queue.shift();
    const i = this.queue.findIndex((b) => b.client === this.owner);
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    try {
      for (let batch = this.next(); batch; batch = this.next()) {
        const { client, messages } = batch;
        if (client.socket.destroyed) continue;
        await this.db.runExclusive(async () => {
          for (const message of messages) {
            await this.db.execProtocolRawStream(message, {
              // A copy: PGlite reuses the memory it hands over, and a socket that cannot send at
              // once keeps a reference to what it was given (large results came out corrupted).
              // Not waiting for a slow reader: the database is held for this batch, so its output
              // is buffered here rather than stalling every other client.
              onRawData: (data) => {
                if (!client.socket.destroyed) client.socket.write(Buffer.from(data));
              },
            });
          }
        });
        this.owner = this.db.isInTransaction() ? client : null;
      }
    } finally {
      this.running = false;
    }
  }
}
