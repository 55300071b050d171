// Downloads of the big start-up files (Pyodide's wasm and standard library, the calculators'
// archive), made by the page so it can show progress and keep what arrived: a retry after a
// failure asks the network only for the files that did not arrive. The bytes are forgotten once
// Python has started (later starts use the browser's HTTP cache as usual).

/** @type {Map<string, ArrayBuffer>} finished downloads by absolute URL */
const arrived = new Map();

/** @type {Map<string, ArrayBuffer>} second copies of this attempt's downloads, to transfer */
const spares = new Map();

function fileName(url) {
  return new URL(url).pathname.split("/").pop();
}

/**
 * Two growing byte buffers filled chunk by chunk as the download arrives: one the page keeps (for
 * a retry), one it hands to the worker without copying (transfer). Copying 10 MB at the end, or
 * cloning it into postMessage, would be a long task on the main thread; 64 KB at a time is not.
 */
function byteSink(expected) {
  let kept = new Uint8Array(Math.max(expected, 1024));
  let spare = new Uint8Array(kept.length);
  let size = 0;
  const grow = (bytes, length) => {
    const larger = new Uint8Array(length);
    larger.set(bytes.subarray(0, size));
    return larger;
  };
  return {
    add(chunk) {
      if (size + chunk.byteLength > kept.length) {
        const length = Math.max(kept.length * 2, size + chunk.byteLength);
        kept = grow(kept, length);
        spare = grow(spare, length);
      }
      kept.set(chunk, size);
      spare.set(chunk, size);
      size += chunk.byteLength;
    },
    buffers: () => [kept, spare].map((b) => (size === b.length ? b.buffer : b.buffer.slice(0, size))),
  };
}

async function downloadOne({ url, bytes }, signal, tick) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw signal.aborted ? signal.reason : new Error(`${fileName(url)} could not be downloaded`, { cause: error });
  }
  if (!response.ok) throw new Error(`${fileName(url)} could not be downloaded: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const sink = byteSink(bytes || Number(response.headers.get("Content-Length")) || 0);
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      sink.add(part.value);
      tick(part.value.byteLength);
    }
  } catch (error) {
    throw signal.aborted ? signal.reason : new Error(`the download of ${fileName(url)} broke off`, { cause: error });
  }
  const [kept, spare] = sink.buffers();
  arrived.set(url, kept);
  spares.set(url, spare);
}

/**
 * Download each file of `files` that has not arrived yet, all at once, and wait for every one
 * to finish or fail (so a retry re-asks only for the failed ones).
 * @param {{ url: string, bytes: number }[]} files absolute URLs with their expected sizes
 * @param {{ signal: AbortSignal, onProgress: (loaded: number, total: number) => void }} options
 * @returns {Promise<Record<string, ArrayBuffer>>} the bytes of every file, by URL, for the
 *   caller to transfer (the page keeps its own copy)
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
  const results = await Promise.allSettled(missing.map((file) => downloadOne(file, signal, tick)));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  return Object.fromEntries(files.map((file) => [file.url, takeSpare(file.url)]));
}

/** A copy to give away: the one made while downloading, or (on a retry) a fresh one. */
function takeSpare(url) {
  const spare = spares.get(url) ?? arrived.get(url).slice(0);
  spares.delete(url);
  return spare;
}

/** Drop the kept bytes (Python has started, or the tab no longer needs them). */
export function forgetDownloads() {
  arrived.clear();
  spares.clear();
}
