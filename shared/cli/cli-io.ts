/** Where the CLI writes: stdout for results, stderr for progress, messages and gates. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}
