// A customer folder's notes stamped or read in one request, off the calling thread: a worker thread
// makes the open, fstat, read and close calls directly, and hands the bytes back (transferred, not
// copied). Node only, no `vscode` import: the extension host uses it for a local notes folder
// (nodePlatform.ts, workspaceNotesFolder.ts), and the benchmark measures it (portfolio_cold_host_ms).
//
// Why: for the 10,000 small notes of a cold portfolio, a workspace.fs stat and readFile per note
// are five or more round trips each through libuv's thread pool (fs/promises underneath, the
// extension host's layers on top). On 2 cores those hand-offs cost about a second and as much CPU
// again, against ~0.15 s for the same calls made directly (which the CLI does, on its own thread);
// made directly on the extension host's thread they would block every extension while a slow
// (network) disk answers. One request per customer folder gives both: the calls cost what they
// cost, and the host's thread parses and rolls up notes meanwhile.
import { Worker } from 'node:worker_threads';
import type { FileStamp, StampedBytes } from '../../core/notesFolder';

/**
 * The worker's code: plain JavaScript, run with Worker's documented `eval` option, so there is no
 * second file to bundle and find beside each entry (extension, CLI, benchmark). A file is read up
 * to the size its fstat gave, as readFileSync reads a regular file (a file written meanwhile has a
 * newer stamp next time). Each file's bytes get an ArrayBuffer of their own, so it can be
 * transferred.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { join } = require('node:path');
function one(path, read) {
  if (!read) {
    const s = fs.statSync(path);
    return { mtime: s.mtimeMs, size: s.size };
  }
  const fd = fs.openSync(path, 'r');
  try {
    const s = fs.fstatSync(fd);
    const bytes = new Uint8Array(s.size);
    let length = 0;
    for (let n = -1; length < s.size && n !== 0; length += n) n = fs.readSync(fd, bytes, length, s.size - length, null);
    return { mtime: s.mtimeMs, size: s.size, bytes: length < s.size ? bytes.subarray(0, length) : bytes };
  } finally {
    fs.closeSync(fd);
  }
}
parentPort.on('message', ({ id, dir, files, read }) => {
  const out = [];
  const transfer = [];
  for (const file of files) {
    try {
      const r = one(join(dir, file), read);
      out.push(r);
      if (r.bytes) transfer.push(r.bytes.buffer);
    } catch (err) {
      out.push({ error: String((err && err.message) || err) });
    }
  }
  parentPort.postMessage({ id, out }, transfer);
});
`;

type Answer = { mtime: number; size: number; bytes?: Uint8Array } | { error: string };

interface Pending {
  resolve(out: Answer[]): void;
  reject(err: Error): void;
}

/** Reads through one lazily started worker; undefined answers mean "cannot, do it yourself". */
export class NoteFileReader {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /** Each file's stamp, or the Error; undefined when the worker cannot be used. */
  async stampFiles(dir: string, files: readonly string[]): Promise<(FileStamp | Error)[] | undefined> {
    const out = await this.ask(dir, files, false);
    return out?.map((a) => ('error' in a ? new Error(a.error) : { mtime: a.mtime, size: a.size }));
  }

  /** Each file's bytes and stamp, or the Error; undefined when the worker cannot be used. */
  async readStamped(dir: string, files: readonly string[]): Promise<(StampedBytes | Error)[] | undefined> {
    const out = await this.ask(dir, files, true);
    return out?.map((a) => ('error' in a ? new Error(a.error) : { mtime: a.mtime, size: a.size, bytes: a.bytes ?? new Uint8Array() }));
  }

  private ask(dir: string, files: readonly string[], read: boolean): Promise<Answer[] | undefined> {
    const worker = this.start();
    if (!worker) return Promise.resolve(undefined);
    const id = this.nextId++;
    // Referenced while it has work (a CLI must not exit with a read outstanding), not when idle.
    if (!this.pending.size) worker.ref();
    return new Promise<Answer[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, dir, files, read });
    }).catch(() => undefined);
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(WORKER, { eval: true });
      worker.on('message', ({ id, out }: { id: number; out: Answer[] }) => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (!this.pending.size) worker.unref();
        p?.resolve(out);
      });
      // A worker that fails is not started again: its callers fall back to their own reads.
      const fail = (err: Error) => {
        this.broken = true;
        this.worker = undefined;
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the note reader stopped (exit ${code})`)));
      worker.unref();
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  /** Stops the worker (the extension's deactivation; tests). */
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.broken = true;
  }
}

let shared: NoteFileReader | undefined;

/** The one reader of this process. */
export function noteFileReader(): NoteFileReader {
  shared ??= new NoteFileReader();
  return shared;
}
