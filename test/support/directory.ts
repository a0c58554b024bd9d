import { loadDemoDirectory, parseDirectory } from '../../core/directory/load.js';

/** A fresh copy of the demo directory as plain JSON, to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rawDemoDirectory(): any {
  return structuredClone(loadDemoDirectory());
}

/** The message `parseDirectory` refuses `json` with; the test fails if it is accepted. */
export function directoryRefusal(json: unknown): string {
  try {
    parseDirectory(json);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected parseDirectory to refuse the directory');
}
