import { createServer, connect, type Socket } from "node:net";

/*
 * A loopback TCP proxy for tests of "slow or broken Redis": everything
 * passes through unchanged until a test asks for a fault. Latency delays
 * every chunk in both directions (order kept); hold keeps the bytes until
 * release (a server that hangs with its connections open); drop resets every
 * open connection; refuse closes new connections as they come.
 */

export interface FaultProxy {
  /** The port it listens on (127.0.0.1). */
  port: number;
  /** Delays each chunk by this many milliseconds, both ways; 0 turns it off. */
  setLatency(milliseconds: number): void;
  /** Keeps every byte from now on, both ways, until `release`. */
  hold(): void;
  release(): void;
  /** Resets every connection open now (new ones pass). */
  drop(): void;
  /** Closes connections as they arrive, until called with false. */
  refuse(on: boolean): void;
  /** Connections open through it now. */
  openConnections(): number;
  close(): Promise<void>;
}

interface Pending {
  chunk: Buffer;
  dueAt: number;
}

/** Forwards one direction of one connection, with the proxy's current latency and hold. */
class Direction {
  private readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: Socket,
    private readonly faults: { latencyMs: number; held: boolean },
  ) {}

  push(chunk: Buffer): void {
    if (this.queue.length === 0 && this.faults.latencyMs === 0 && !this.faults.held) {
      this.target.write(chunk);
      return;
    }
    this.queue.push({ chunk, dueAt: Date.now() + this.faults.latencyMs });
    this.schedule();
  }

  /** Sends what is due, and waits for the rest (called again on release). */
  schedule(): void {
    if (this.timer || this.faults.held) return;
    const now = Date.now();
    while (this.queue.length > 0 && (this.queue[0] as Pending).dueAt <= now) {
      if (!this.target.destroyed) this.target.write((this.queue.shift() as Pending).chunk);
      else this.queue.length = 0;
    }
    const next = this.queue[0];
    if (next) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, next.dueAt - now);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

export async function startFaultProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<FaultProxy> {
  const faults = { latencyMs: 0, held: false };
  let refusing = false;
  const connections = new Set<{ client: Socket; upstream: Socket; directions: Direction[] }>();

  const server = createServer((client) => {
    if (refusing) return void client.destroy();
    const upstream = connect({ host: targetHost, port: targetPort });
    const toUpstream = new Direction(upstream, faults);
    const toClient = new Direction(client, faults);
    const connection = { client, upstream, directions: [toUpstream, toClient] };
    connections.add(connection);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on("data", (chunk: Buffer) => toUpstream.push(chunk));
    upstream.on("data", (chunk: Buffer) => toClient.push(chunk));
    const end = () => {
      if (!connections.delete(connection)) return;
      for (const direction of connection.directions) direction.stop();
      client.destroy();
      upstream.destroy();
    };
    // Either side closing or failing ends both (as a broken connection would).
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the proxy has no port");

  const eachDirection = (action: (direction: Direction) => void) => {
    for (const connection of connections) connection.directions.forEach(action);
  };
  return {
    port: address.port,
    setLatency(milliseconds) {
      faults.latencyMs = milliseconds;
    },
    hold() {
      faults.held = true;
    },
    release() {
      faults.held = false;
      eachDirection((direction) => direction.schedule());
    },
    drop() {
      for (const connection of connections) {
        connection.client.resetAndDestroy();
        connection.upstream.destroy();
      }
    },
    refuse(on) {
      refusing = on;
    },
    openConnections: () => connections.size,
    close() {
      for (const connection of connections) {
        connection.client.destroy();
        connection.upstream.destroy();
      }
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
