/** The file to open at start: `export-review-app export.xml`, or "Open with" on Windows and Linux. */
export function fileFromCommandLine(argv: readonly string[], packaged: boolean): string | undefined {
  // Packaged: [app, file]; from source: [electron, ., file]. Chromium switches start with "-".
  return argv.slice(packaged ? 1 : 2).find((arg) => !arg.startsWith('-') && arg !== '.');
}
