// Puts a finished temporary file in place as a new note with a hard link, which fails with EEXIST
// when the target exists: an atomic "create only if absent" across windows and processes, which
// `workspace.fs.rename(…, { overwrite: false })` (check, then rename) is not. Node only; the web
// worker host has no hard links and uses the rename (see platform.ts and noteWriter.ts).
import { link, unlink } from 'node:fs/promises';
import type { LinkClaim } from './platform';

/** Error codes of a file system that cannot make hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Links `tempPath` to `targetPath` and removes `tempPath`; other errors are thrown. */
export async function claimByHardLink(tempPath: string, targetPath: string): Promise<LinkClaim> {
  try {
    await link(tempPath, targetPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return 'exists';
    if (NO_LINKS.has(code)) return 'unsupported';
    throw err;
  }
  await unlink(tempPath).catch(() => undefined);
  return 'claimed';
}
