/** The preload's API, typed by the shared contract: the renderer's only way out of the sandbox. */
import { API_NAME, type ExportReviewApi } from '../shared/app/ipc-contract.js';

declare global {
  interface Window {
    [API_NAME]: ExportReviewApi;
  }
}

export function reviewApi(): ExportReviewApi {
  return window[API_NAME];
}
