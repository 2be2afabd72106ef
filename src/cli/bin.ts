// The `call-coach` executable (package.json `bin`, bundled to dist/cli.js): runs main() on the
// command line and exits with its code once the output is flushed (a pipe may take it in pieces).
import { main } from './main';

void main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env }).then((code) => {
  process.exitCode = code;
});
