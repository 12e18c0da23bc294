/**
 * The app's review marks for one open export: loaded from its review file, changed by mark commands,
 * saved at most a second after each change and when the file is closed or the app quits. Where the
 * export's folder cannot be written, marks go to the app's own folder for that export; a review file
 * that cannot be read is never written, and marks then stay in memory until another file is chosen.
 */
import { FolderNotWritableError } from '../atomic-file.node.js';
import { makeReviewFile, parseReviewFile, ReviewFileError, reviewFileName, type ReviewFile } from './review-file-format.js';
import { fallbackReviewFilePath, readReviewFile, readReviewFileText, reviewFilePathFor, writeReviewFileSync } from './review-file.node.js';
import { applyMark, type MarkEntries, type MarkRequest, type MarkTarget, type ReviewMarks, type ReviewStorage } from './review-marks.js';
import { mkdirSync } from 'node:fs';

export interface ReviewStoreOptions {
  exportFile: { path: string; name: string; sizeBytes: number };
  /** A review file the admin chose; by default the one beside the export. */
  chosenPath?: string;
  /** The app's own folder for marks of exports whose folder cannot be written. */
  fallbackFolder?: string;
  /** Called when where marks are saved changes, with a sentence for the admin. */
  onStorageChanged: (storage: ReviewStorage, message: string) => void;
  saveDelayMs?: number;
  /** How a review file is written (tests stand in a folder that refuses writes, which root cannot make). */
  write?: (path: string, file: ReviewFile) => void;
}

const SAVE_DELAY_MS = 1000;

/** A review file read from disk; `store()` makes the store from it (parsing `text` on the first call). */
export interface ReadReviewFile {
  /** The one review file's text, not parsed yet; absent when the store is already made. */
  text?: string;
  /** Where marks are saved: `not-saved` instead when `text` does not parse. */
  storage: ReviewStorage;
  store: () => ReviewStore;
}

export class ReviewStore {
  readonly marks: ReviewMarks;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private get write(): (path: string, file: ReviewFile) => void {
    return this.options.write ?? writeReviewFileSync;
  }

  private constructor(
    private readonly options: ReviewStoreOptions,
    marks: ReviewMarks,
    public storage: ReviewStorage,
  ) {
    this.marks = marks;
  }

  static async open(options: ReviewStoreOptions): Promise<ReviewStore> {
    return (await ReviewStore.read(options)).store();
  }

  /**
   * Reads the review file without parsing it yet, when it is the only one: the window parses the
   * same text while the export reads, and the main process makes the store when it first needs the
   * marks, after the read (ARCHITECTURE.md, "Review marks"). With a fallback copy too, both are
   * parsed now, to keep the later-saved.
   */
  static async read(options: ReviewStoreOptions): Promise<ReadReviewFile> {
    const primary = options.chosenPath ?? reviewFilePathFor(options.exportFile.path);
    const kind = options.chosenPath ? 'chosen' : 'beside-export';
    const made = (store: ReviewStore): ReadReviewFile => ({ storage: store.storage, store: () => store });
    const refused = (error: unknown): ReadReviewFile => {
      if (!(error instanceof ReviewFileError)) throw error;
      return made(new ReviewStore(options, new Map(), { kind: 'not-saved', problem: error.message }));
    };
    try {
      const text = await readReviewFileText(primary);
      const fallbackPath = options.fallbackFolder && !options.chosenPath ? fallbackReviewFilePath(options.fallbackFolder, options.exportFile.path) : undefined;
      const fallback = fallbackPath ? await readReviewFile(fallbackPath).catch(() => null) : null;
      if (text === null && !fallback) return made(new ReviewStore(options, new Map(), { kind, path: primary }));
      if (fallbackPath && fallback) {
        const file = text === null ? null : parseReviewFile(text, reviewFileName(primary));
        // The later-saved of the two: the export's folder may have been read-only for a while.
        if (!file || fallback.savedAt > file.savedAt) return made(new ReviewStore(options, fallback.marks, { kind: 'app-folder', path: fallbackPath }));
        return made(new ReviewStore(options, file.marks, { kind, path: primary }));
      }
      const storage: ReviewStorage = { kind, path: primary };
      let store: ReviewStore | undefined;
      const parse = (): ReviewStore => {
        try {
          return new ReviewStore(options, parseReviewFile(text as string, reviewFileName(primary)).marks, storage);
        } catch (error) {
          return refused(error).store();
        }
      };
      return { text: text as string, storage, store: () => (store ??= parse()) };
    } catch (error) {
      return refused(error);
    }
  }

  /** A store that saves nothing: its review file could not even be looked at (`problem` says why). */
  static unsaved(problem: string): ReviewStore {
    return new ReviewStore({ exportFile: { path: '', name: '', sizeBytes: 0 }, onStorageChanged: () => undefined }, new Map(), { kind: 'not-saved', problem });
  }

  /** Applies `request` to each target; returns the marks that changed (null: removed). */
  apply(targets: readonly MarkTarget[], request: MarkRequest): MarkEntries {
    const changed: MarkEntries = [];
    for (const target of targets) {
      const next = applyMark(this.marks, target, request);
      if (next !== undefined) changed.push([target.id, next]);
    }
    if (changed.length) this.scheduleSave();
    return changed;
  }

  /** Takes over marks made while no review file could be saved to (they win over this file's), and saves them. */
  adopt(marks: ReviewMarks): void {
    for (const [id, mark] of marks) this.marks.set(id, mark);
    if (marks.size) this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.timer || this.storage.kind === 'not-saved') return;
    this.timer = setTimeout(() => this.save(), this.options.saveDelayMs ?? SAVE_DELAY_MS);
  }

  /** Writes now what is not saved yet (synchronous: it also runs as the app quits). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.save();
  }

  private save(): void {
    this.timer = undefined;
    const storage = this.storage;
    if (storage.kind === 'not-saved') return;
    const file = makeReviewFile({ name: this.options.exportFile.name, sizeBytes: this.options.exportFile.sizeBytes }, this.marks, new Date().toISOString());
    try {
      this.write(storage.path, file);
    } catch (error) {
      this.saveFailed(error, file);
    }
  }

  private saveFailed(error: unknown, file: ReviewFile): void {
    const fallbackFolder = this.options.fallbackFolder;
    const storage = this.storage;
    if (error instanceof FolderNotWritableError && fallbackFolder && storage.kind === 'beside-export') {
      const path = fallbackReviewFilePath(fallbackFolder, this.options.exportFile.path);
      try {
        mkdirSync(fallbackFolder, { recursive: true });
        this.write(path, file);
        this.storage = { kind: 'app-folder', path };
        this.options.onStorageChanged(this.storage, `${error.message}, so review marks are kept in the app's own folder: ${path}`);
        return;
      } catch (fallbackError) {
        error = fallbackError;
      }
    }
    this.options.onStorageChanged(
      storage,
      `Review marks could not be saved: ${error instanceof Error ? error.message : String(error)}. They are kept while the file is open.`,
    );
  }

  /** Saves what is pending and stops. */
  close(): void {
    this.flush();
  }
}
