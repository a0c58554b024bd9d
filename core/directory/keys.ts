import { keySpace } from '../infra/keys.js';

/** The directory's Redis key: one JSON document every process reads. */
export function directoryKeys(prefix: string) {
  const key = keySpace(prefix, 'directory');
  return {
    document: key('document', [], 'string', null, 'the directory (districts, grids, staff, unions, service points, holiday calendar) as validated JSON'),
  };
}
