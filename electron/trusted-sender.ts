/** Every IPC message is checked: it must come from our window's top frame, showing our page. */
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

export function senderCheck(rendererIndex: string, window: () => WebContents | undefined): (event: IpcMainEvent | IpcMainInvokeEvent) => boolean {
  const expected = pathToFileURL(rendererIndex).href;
  return (event) => {
    const frame = event.senderFrame;
    return event.sender === window() && frame !== null && frame === event.sender.mainFrame && frame.url.split('#')[0] === expected;
  };
}
