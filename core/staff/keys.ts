import { keySpace } from '../infra/keys.js';

/** The Redis keys of staff: who is on duty, and WeChat bindings. */
export function staffKeys(prefix: string) {
  const key = keySpace(prefix, 'staff');
  return {
    duty: key('duty', [], 'hash', null, 'staff id → 1/0, 上班/休息 set in WeChat (overrides the directory)'),
    bindCode: key('bind-code', ['codeHash'], 'string', '1 day', 'a one-time binding code (hashed) → staff id'),
    boundUser: key('bound-user', ['userKey'], 'string', null, 'WeChat contact → the staff id bound to it'),
    boundStaff: key('bound-staff', ['staffId'], 'string', null, 'staff id → the WeChat contact bound to it'),
    wrongCodes: key('wrong-codes', ['userKey'], 'string', '15 minutes', 'wrong binding codes sent by a contact (slows guessing)'),
  };
}

export type StaffKeys = ReturnType<typeof staffKeys>;
