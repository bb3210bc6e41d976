import net from 'node:net';

/**
 * A TCP proxy in front of a database server, for tests that take the
 * database away and bring it back without touching the server other tests
 * share: stop() closes every connection and refuses new ones, as a stopped
 * server does, and start() accepts them again on the same port.
 */
export class DatabaseProxy {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  #port = 0;

  private constructor(target: { host: string; port: number }) {
    this.#server = net.createServer(client => {
      const upstream = net.connect(target);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }

  static async start(target: {
    host: string;
    port: number;
  }): Promise<DatabaseProxy> {
    const proxy = new DatabaseProxy(target);
    await proxy.start();
    return proxy;
  }

  /** The port the proxy listens on, the same after a restart. */
  get port(): number {
    return this.#port;
  }

  /** Accepts connections again, on the port it had. */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        this.#port = (this.#server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Drops every connection and refuses new ones. */
  async stop(): Promise<void> {
    const closed = new Promise<void>(resolve =>
      this.#server.close(() => resolve()),
    );
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }
}
