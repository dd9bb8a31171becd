export interface Command {
  /** One or more words: "start", "cost report". */
  name: string;
  summary: string;
  help: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
