/**
 * The one contract between the renderer and the main process: channel names and the payload of
 * each, request and response. The preload, the main-process handlers, the renderer and the e2e test
 * host all import it, so a change breaks every side at compile time.
 */
import type { CsObjectRecord, ReadProgress, ReadSummary } from '../model/csexport-model.js';
import type { ImpactReport } from '../impact/impact-model.js';
import type { ComparisonDetails, ComparisonUpdate } from '../compare/compare-model.js';
import type { CsvLevel, CsvScope } from '../csv/csv-rows.js';
import type { ReadErrorInfo } from '../read-errors.js';
import type { ReferenceTarget } from '../rows/reference-index.js';
import type { MarkAction, ReviewStorage } from '../review/review-marks.js';
import {
  noArguments,
  oneCsvExportCommand,
  oneMarkCommand,
  onePath,
  oneReadId,
  readAndObjectId,
  readIdAndCompareLevel,
  readIdAndPathOrNull,
} from './ipc-arguments.js';

/** The file being reviewed. `readId` tells one read's events from the next one's. */
export interface OpenedFile {
  readId: number;
  path: string;
  name: string;
  sizeBytes: number;
}

/**
 * Events of a read, pushed from the main process in order. Rows travel packed into one string per
 * batch (`unpackRows` in shared/rows/packed-rows.ts gives them back): IPC then copies one string instead of
 * structured-cloning every row's every property name.
 */
export type ReadEvent =
  | { type: 'started'; file: OpenedFile }
  | { type: 'rows'; readId: number; packedRows: string }
  | { type: 'progress'; readId: number; progress: ReadProgress }
  | { type: 'done'; readId: number; summary: ReadSummary; impact: ImpactReport }
  | { type: 'failed'; readId: number; error: ReadErrorInfo }
  | { type: 'cancelled'; readId: number }
  | { type: 'review'; readId: number; review: ReviewUpdate }
  | { type: 'comparison'; readId: number; update: ComparisonUpdate }
  | { type: 'closed' };

/**
 * The review marks of the open file and where they are saved. `packedMarks`, when present, is every
 * mark, packed (`unpackMarks` in shared/review/packed-marks.ts gives them back); it replaces what the
 * page had: after loading, or after another review file was chosen. `reviewFileText`, instead, is
 * the review file as read: the page parses it itself (`parseReviewFile`, named by `reviewFileName`
 * of the storage's path) while the export reads, as the main process does once the read is over; a
 * text that does not parse means marks are not saved, on both sides, and the main process does not
 * say so again. With neither, only the storage changed. `message` is for the admin (marks moved to
 * the app's folder, ...).
 */
export interface ReviewUpdate {
  packedMarks?: string;
  reviewFileText?: string;
  storage: ReviewStorage;
  message?: string;
}

/** Mark (or clear) these pending changes of the open file. */
export interface MarkCommand {
  readId: number;
  ids: string[];
  action: MarkAction;
  /** The note to set; absent keeps each mark's note. */
  note?: string;
}

export interface MarkOutcome {
  /** The marks that changed (removed ones without a verdict), packed as ReviewUpdate's. */
  packedChanges: string;
  /** Ids that are not pending changes (objects without a pending export cannot be marked). */
  notMarkable: number;
}

/** Commands from the native menu that the renderer carries out (it knows the filters and selection). */
export type MenuCommand = 'export-csv' | 'find' | 'choose-review-file' | 'compare-with';

/** Something the main process tells the admin that belongs to no read: a refused open, a vanished recent file. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** One object's full changes, read on demand by its byte offset, references resolved. */
export interface ObjectDetails {
  record: CsObjectRecord;
  /** For every reference value in the record: its target when the target is in the same file. */
  references: Record<string, ReferenceTarget | null>;
}

export interface CsvExportCommand {
  readId: number;
  level: CsvLevel;
  /** The rows to write (written in file order): the rows shown by the filters, the selected rows, or every row with a mark. */
  ids: string[];
  /** What the ids are, for the proposed file name and the message. */
  scope: CsvScope;
}

export type CsvExportOutcome =
  { status: 'written'; path: string; rows: number; objects: number } | { status: 'cancelled' } | { status: 'failed'; message: string };

/** A DOM `File` as the contract sees it (shared/ compiles without the DOM library). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** What `window.exportReview` offers the renderer. Nothing else of Electron or Node is reachable. */
export interface ExportReviewApi {
  /** Shows the open dialog; the chosen file starts reading (cancelling a running read). */
  showOpenDialog(): Promise<void>;
  /** Opens a dropped file by path. Resolves to an error message when the path is refused. */
  openPath(path: string): Promise<string | null>;
  /** The path of a dropped file (Electron's webUtils.getPathForFile); empty when it has none. */
  getPathForFile(file: DroppedFile): string;
  cancelRead(): Promise<void>;
  closeFile(): Promise<void>;
  getDetails(readId: number, id: string): Promise<ObjectDetails>;
  /** Shows the save dialog (the only way a path to write is chosen), then writes the CSV. */
  exportCsv(command: CsvExportCommand): Promise<CsvExportOutcome>;
  /** Sets or clears review marks; saved beside the export at most a second later. */
  setMarks(command: MarkCommand): Promise<MarkOutcome>;
  /** Shows a dialog to choose the review file for the open export; false when cancelled. */
  chooseReviewFile(readId: number): Promise<boolean>;
  /**
   * Compares the open export with another: the one at `path` (dropped), or one chosen in an open
   * dialog when `path` is null. Resolves to why it was refused, '' when the dialog was cancelled, or null.
   */
  compareWith(readId: number, path: string | null): Promise<string | null>;
  closeComparison(readId: number): Promise<void>;
  /** One change of the open export beside the other export's, attribute by attribute. */
  getComparisonDetails(readId: number, id: string): Promise<ComparisonDetails>;
  /** Shows the save dialog, then writes the comparison's CSV (object or attribute level). */
  exportComparisonCsv(readId: number, level: 'object' | 'attribute'): Promise<CsvExportOutcome>;
  /**
   * Says the page has subscribed to events: files asked for before this (command line, second
   * launch, "Open with") wait in the main process until then, since events sent earlier are lost.
   */
  listening(): Promise<void>;
  onReadEvent(listener: (event: ReadEvent) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onNotice(listener: (notice: Notice) => void): () => void;
}

/** Channel names, in one place. */
export const IPC = {
  showOpenDialog: 'export-review:show-open-dialog',
  openPath: 'export-review:open-path',
  cancelRead: 'export-review:cancel-read',
  closeFile: 'export-review:close-file',
  getDetails: 'export-review:get-details',
  exportCsv: 'export-review:export-csv',
  setMarks: 'export-review:set-marks',
  chooseReviewFile: 'export-review:choose-review-file',
  compareWith: 'export-review:compare-with',
  closeComparison: 'export-review:close-comparison',
  getComparisonDetails: 'export-review:get-comparison-details',
  exportComparisonCsv: 'export-review:export-comparison-csv',
  listening: 'export-review:listening',
  readEvent: 'export-review:read-event',
  menuCommand: 'export-review:menu-command',
  notice: 'export-review:notice',
} as const;

/** The API's methods that are a call to the main process; the rest are local (getPathForFile) or subscriptions. */
export type InvokeMethods = Pick<
  ExportReviewApi,
  | 'showOpenDialog'
  | 'openPath'
  | 'cancelRead'
  | 'closeFile'
  | 'getDetails'
  | 'exportCsv'
  | 'setMarks'
  | 'chooseReviewFile'
  | 'compareWith'
  | 'closeComparison'
  | 'getComparisonDetails'
  | 'exportComparisonCsv'
  | 'listening'
>;
export type InvokeMethod = keyof InvokeMethods;

/** What the main process (and the e2e test host) implement for each invoke method: the same signature. */
export type InvokeHandlers = { [M in InvokeMethod]: (...args: Parameters<InvokeMethods[M]>) => ReturnType<InvokeMethods[M]> };

type ArgumentCheck<M extends InvokeMethod> = (args: readonly unknown[]) => args is Parameters<InvokeMethods[M]>;

/**
 * The one place an invoke method is declared: its channel and the check its arguments must pass in
 * the main process. The preload, the main-process registration and the e2e test host are built from
 * this table, so adding a method here (and its handler, which the type then demands) is all it takes.
 */
export const INVOKE_METHODS: { [M in InvokeMethod]: { channel: string; accepts: ArgumentCheck<M> } } = {
  showOpenDialog: { channel: IPC.showOpenDialog, accepts: noArguments },
  openPath: { channel: IPC.openPath, accepts: onePath },
  cancelRead: { channel: IPC.cancelRead, accepts: noArguments },
  closeFile: { channel: IPC.closeFile, accepts: noArguments },
  getDetails: { channel: IPC.getDetails, accepts: readAndObjectId },
  exportCsv: { channel: IPC.exportCsv, accepts: oneCsvExportCommand },
  setMarks: { channel: IPC.setMarks, accepts: oneMarkCommand },
  chooseReviewFile: { channel: IPC.chooseReviewFile, accepts: oneReadId },
  compareWith: { channel: IPC.compareWith, accepts: readIdAndPathOrNull },
  closeComparison: { channel: IPC.closeComparison, accepts: oneReadId },
  getComparisonDetails: { channel: IPC.getComparisonDetails, accepts: readAndObjectId },
  exportComparisonCsv: { channel: IPC.exportComparisonCsv, accepts: readIdAndCompareLevel },
  listening: { channel: IPC.listening, accepts: noArguments },
};

export const INVOKE_METHOD_NAMES = Object.keys(INVOKE_METHODS) as InvokeMethod[];

/** Payload of each channel the main process sends on. */
export interface SendChannels {
  [IPC.readEvent]: ReadEvent;
  [IPC.menuCommand]: MenuCommand;
  [IPC.notice]: Notice;
}

/** The channels the main process sends on. */
export const SEND_CHANNELS = [IPC.readEvent, IPC.menuCommand, IPC.notice] as const satisfies readonly (keyof SendChannels)[];

/**
 * What an invoke handler resolves to on the wire. Handlers never reject: Electron would hand the
 * renderer "Error invoking remote method '…': Error: …"; the preload turns a refusal into an Error
 * carrying only the message.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * One invoke call as the main process (and the e2e test host) answers it: the arguments checked
 * against the method's declaration, then the handler's value, or its error as a refusal in words.
 */
export async function answerInvoke(handlers: InvokeHandlers, method: InvokeMethod, args: readonly unknown[]): Promise<IpcResult<unknown>> {
  const { channel, accepts } = INVOKE_METHODS[method];
  if (!accepts(args)) return { ok: false, message: `Refused: invalid arguments for ${channel}.` };
  try {
    return { ok: true, value: await (handlers[method] as (...args: readonly unknown[]) => Promise<unknown>)(...args) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The words of a failed call, for the admin: Electron prefixes a rejected invoke with
 * "Error invoking remote method '<channel>': Error: ", which means nothing to them.
 */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']*': /, '').replace(/^[A-Za-z]*Error: /, '');
}

/** The name the preload exposes the API under. */
export const API_NAME = 'exportReview';
