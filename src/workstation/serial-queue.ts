/**
 * Runs tasks one at a time, in order. Every read and write of the store goes through one queue, so an async
 * mutator can never interleave with a rebase or another mutation on the single SQLite connection.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
