/**
 * Runs tasks one at a time, in call order; a failing task does not stop the ones after it. The workstation puts
 * every store access through one, so an async mutator never interleaves with a rebase on the one SQLite
 * connection; the server's PGlite puts every statement through one, as it has a single connection.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
