// Downloads of the big start-up files (Pyodide's wasm and standard library, the calculators'
// archive), made by the page so it can show progress and keep what arrived: a retry after a
// failure asks the network only for the files that did not arrive. The bytes are forgotten once
// Python has started (later starts use the browser's HTTP cache as usual).

/** @type {Map<string, ArrayBuffer>} finished downloads by absolute URL */
const arrived = new Map();

function fileName(url) {
  return new URL(url).pathname.split("/").pop();
}

function join(chunks, size) {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

async function downloadOne(url, signal, tick) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw signal.aborted ? signal.reason : new Error(`${fileName(url)} could not be downloaded`, { cause: error });
  }
  if (!response.ok) throw new Error(`${fileName(url)} could not be downloaded: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      size += part.value.byteLength;
      tick(part.value.byteLength);
    }
  } catch (error) {
    throw signal.aborted ? signal.reason : new Error(`the download of ${fileName(url)} broke off`, { cause: error });
  }
  arrived.set(url, join(chunks, size));
}

/**
 * Download each file of `files` that has not arrived yet, all at once, and wait for every one
 * to finish or fail (so a retry re-asks only for the failed ones).
 * @param {{ url: string, bytes: number }[]} files absolute URLs with their expected sizes
 * @param {{ signal: AbortSignal, onProgress: (loaded: number, total: number) => void }} options
 * @returns {Promise<Record<string, ArrayBuffer>>} the bytes of every file, by URL
 */
export async function downloadAll(files, { signal, onProgress }) {
  const total = files.reduce((sum, file) => sum + (file.bytes || 0), 0);
  let loaded = files.reduce((sum, file) => sum + (arrived.get(file.url)?.byteLength ?? 0), 0);
  onProgress(loaded, total);
  const tick = (bytes) => {
    loaded += bytes;
    onProgress(loaded, Math.max(total, loaded));
  };
  const missing = files.filter((file) => !arrived.has(file.url));
  const results = await Promise.allSettled(missing.map((file) => downloadOne(file.url, signal, tick)));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  return Object.fromEntries(files.map((file) => [file.url, arrived.get(file.url)]));
}

/** Drop the kept bytes (Python has started, or the tab no longer needs them). */
export function forgetDownloads() {
  arrived.clear();
}
