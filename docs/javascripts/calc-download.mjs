// Downloads of the big start-up files (Python's memory snapshot, or the archives of the ways
// that follow it), made by the page so it can show progress and keep what arrived: a retry
// after a failure asks the network only for the files that did not arrive. Each file is
// fetched with XMLHttpRequest as a Blob: the browser keeps the bytes and reports progress (at
// most every 50 ms), so no byte passes through the page's JavaScript, and the Blob goes to the
// worker by reference. (Reading the body chunk by chunk made the longest task of the start on a
// fast line, when hundreds of chunks were waiting at once.) The Blobs are forgotten once Python
// has started; later starts use the browser's HTTP cache.

/** @type {Map<string, Blob>} finished downloads by absolute URL */
const arrived = new Map();

function fileName(url) {
  return new URL(url).pathname.split("/").pop();
}

function downloadOne({ url }, signal, tick) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const request = new XMLHttpRequest();
    let counted = 0;
    const count = (loaded) => {
      if (loaded <= counted) return;
      tick(loaded - counted);
      counted = loaded;
    };
    const stop = () => request.abort();
    signal.addEventListener("abort", stop, { once: true });
    const settle = (error) => {
      signal.removeEventListener("abort", stop);
      if (error) reject(error);
      else resolve();
    };
    request.open("GET", url);
    request.responseType = "blob";
    request.onprogress = (event) => count(event.loaded);
    request.onload = () => {
      if (request.status !== 200) {
        settle(new Error(`${fileName(url)} could not be downloaded: HTTP ${request.status}`));
        return;
      }
      count(request.response.size);
      arrived.set(url, request.response);
      settle();
    };
    request.onerror = () => settle(new Error(`${fileName(url)} could not be downloaded`));
    request.onabort = () => settle(signal.reason ?? new Error(`the download of ${fileName(url)} broke off`));
    request.send();
  });
}

/**
 * Download each file of `files` that has not arrived yet, all at once, and wait for every one
 * to finish or fail (so a retry re-asks only for the failed ones).
 * @param {{ url: string, bytes: number }[]} files absolute URLs with their expected sizes
 * @param {{ signal: AbortSignal, onProgress: (loaded: number, total: number) => void }} options
 * @returns {Promise<Record<string, Blob>>} every file, by URL (the page keeps them for a retry)
 */
export async function downloadAll(files, { signal, onProgress }) {
  const total = files.reduce((sum, file) => sum + (file.bytes || 0), 0);
  let loaded = files.reduce((sum, file) => sum + (arrived.get(file.url)?.size ?? 0), 0);
  onProgress(loaded, total);
  const tick = (bytes) => {
    loaded += bytes;
    onProgress(loaded, Math.max(total, loaded));
  };
  const missing = files.filter((file) => !arrived.has(file.url));
  const results = await Promise.allSettled(missing.map((file) => downloadOne(file, signal, tick)));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  return Object.fromEntries(files.map((file) => [file.url, arrived.get(file.url)]));
}

/** Drop the kept bytes (Python has started, or the tab no longer needs them). */
export function forgetDownloads() {
  arrived.clear();
}
