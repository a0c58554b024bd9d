import { keySpace, perPrefix } from '../infra/keys.js';

/** The directory's Redis key: one JSON document every process reads. */
export const directoryKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'directory');
  return {
    document: key('document', [], 'string', null, 'the directory (districts, grids, staff, unions, service points, holiday calendar) as validated JSON'),
  };
});
