// A slow network for the upload tests: a TCP proxy on a free loopback port in front of the service
// that passes what the client sends at a set rate (answers go back at full speed). Over loopback an
// upload of a few MiB is over in milliseconds, too fast to see progress between its first and last
// byte or to abort it midway; through this it takes about a second, as over a real uplink.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface Throttle {
  /** `http://127.0.0.1:port`: the service's base URL, through the proxy. */
  baseUrl: string;
  /** Bytes of requests passed on to the service so far, over all connections. */
  forwarded(): number;
  close(): Promise<void>;
}

/** Passes at most `bytesPerSecond` of what clients send on to `target` (an `http://host:port`). */
export async function startThrottle(target: string, bytesPerSecond: number): Promise<Throttle> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let forwarded = 0;
  const tick = 20;
  const perTick = Math.max(1, Math.floor((bytesPerSecond * tick) / 1000));

  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client);
    sockets.add(upstream);
    const queue: Buffer[] = [];
    let budget = perTick;
    let ended = false;
    const timer = setInterval(() => {
      budget = perTick;
      pump();
    }, tick);
    const pump = (): void => {
      while (budget > 0 && queue.length > 0) {
        const head = queue[0]!;
        const part = head.subarray(0, budget);
        upstream.write(part);
        forwarded += part.length;
        budget -= part.length;
        if (part.length === head.length) {
          queue.shift();
        } else {
          queue[0] = head.subarray(part.length);
        }
      }
      // Read no further while a tick's worth waits: the client's socket then fills and holds its writes back.
      if (queue.length > 0) {
        client.pause();
      } else {
        client.resume();
        if (ended) {
          upstream.end();
        }
      }
    };
    client.on("data", (chunk: Buffer) => {
      queue.push(chunk);
      pump();
    });
    client.on("end", () => {
      ended = true;
      pump();
    });
    upstream.pipe(client);
    const close = (): void => {
      clearInterval(timer);
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("the throttle has no TCP address");
  }
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    forwarded: () => forwarded,
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
