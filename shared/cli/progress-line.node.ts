/**
 * A progress line on stderr, shown only once a read has taken more than a second: rewritten in place
 * on a terminal, one line every few seconds when stderr is a log file.
 */
import { formatCount } from '../format-count.js';
import type { ReadProgress } from '../model/csexport-model.js';

const SHOW_AFTER_MS = 1000;
const LOG_EVERY_MS = 5000;

export class ProgressLine {
  private readonly started = performance.now();
  private lastPrinted = 0;
  private shown = false;

  constructor(
    private readonly name: string,
    private readonly io: { err: (text: string) => void; isTty: boolean },
  ) {}

  update(progress: ReadProgress & { pass?: number; passes?: number }): void {
    const now = performance.now();
    if (now - this.started < SHOW_AFTER_MS) return;
    if (!this.io.isTty && now - this.lastPrinted < LOG_EVERY_MS) return;
    this.lastPrinted = now;
    this.shown = true;
    const percent = progress.totalBytes ? Math.floor((100 * progress.bytesRead) / progress.totalBytes) : 100;
    const pass = progress.passes && progress.passes > 1 ? ` pass ${progress.pass}/${progress.passes}` : '';
    const text = `Reading ${this.name}${pass}: ${percent}% (${(progress.bytesRead / 1e6).toFixed(0)} of ${(progress.totalBytes / 1e6).toFixed(0)} MB, ${formatCount(progress.objects)} objects)`;
    this.io.err(this.io.isTty ? `\r${text}\x1b[K` : `${text}\n`);
  }

  done(): void {
    if (this.shown && this.io.isTty) this.io.err('\r\x1b[K');
  }
}
