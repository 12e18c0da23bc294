/**
 * Files and notices for the window wait here until its page says it is listening: what is sent to a
 * page before it has subscribed is lost. Of several files asked for meanwhile (command line, a second
 * launch, "Open with"), the latest wins, as it would had the page been ready.
 */
import type { Notice } from '../shared/app/ipc-contract.js';

export interface PageGateTargets {
  open: (path: string) => void;
  notify: (notice: Notice) => void;
}

export class PageGate {
  private listening = false;
  private path: string | undefined;
  private notices: Notice[] = [];

  constructor(private readonly targets: PageGateTargets) {}

  requestOpen(path: string): void {
    if (this.listening) this.targets.open(path);
    else this.path = path;
  }

  notify(notice: Notice): void {
    if (this.listening) this.targets.notify(notice);
    else this.notices.push(notice);
  }

  /** The page has subscribed: deliver what waited, notices first so a refused open is not buried. */
  pageListening(): void {
    this.listening = true;
    const notices = this.notices;
    const path = this.path;
    this.notices = [];
    this.path = undefined;
    for (const notice of notices) this.targets.notify(notice);
    if (path !== undefined) this.targets.open(path);
  }

  /** The page went away (window closed, reloading): hold again until the next page listens. */
  pageGone(): void {
    this.listening = false;
  }
}
