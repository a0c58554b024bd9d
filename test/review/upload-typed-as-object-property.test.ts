/*
 * An upload whose declared type is the name of a plain-object property
 * (constructor, __proto__, toString…) and whose name has no extension must
 * be refused like any other unaccepted type, not stored as evidence with
 * that "media type".
 */
import { describe, expect, it } from 'vitest';
import { checkEvidence } from '../../core/cases/evidence.js';

const MAX = 10 * 1048576;

describe('evidence types', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('Content-Type %s is refused', (mediaType) => {
    for (const name of ['工资条', '工资条.pdf']) {
      const r = checkEvidence({ name, mediaType, size: 10 }, MAX);
      if (name.endsWith('.pdf')) expect(r).toEqual({ ok: true, mediaType: 'application/pdf' });
      else expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/这种文件暂时收不了/) });
    }
  });

  it('a file named after an object property is refused too', () => {
    expect(checkEvidence({ name: 'x.constructor', size: 10 }, MAX).ok).toBe(false);
  });

  it('accepted types still pass', () => {
    expect(checkEvidence({ name: '工资条', mediaType: 'image/jpeg', size: 10 }, MAX)).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });
});
