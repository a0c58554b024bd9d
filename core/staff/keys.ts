import { keySpace, perPrefix } from '../infra/keys.js';

/** The Redis keys of staff: who is on duty, and WeChat bindings. */
export const staffKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'staff');
  return {
    duty: key('duty', [], 'hash', null, 'staff id → 1/0, 上班/休息 set in WeChat (overrides the directory)'),
    bindCode: key('bind-code', ['codeHash'], 'string', '1 day', 'a one-time binding code (hashed) → staff id'),
    boundUser: key('bound-user', ['userKey'], 'string', null, 'WeChat contact → the staff id bound to it'),
    boundStaff: key('bound-staff', ['staffId'], 'string', null, 'staff id → the WeChat contact bound to it'),
    wrongCodes: key('wrong-codes', ['userKey'], 'string', '15 minutes', 'wrong binding codes sent by a contact (slows guessing)'),
    offer: key('offer', ['userKey'], 'string', '5 minutes', 'a command a hint spelled out for this contact (`备注 QX… …`, sealed), run on a `好` that comes next'),
    listed: key('listed', ['userKey'], 'string', '30 minutes', 'the case numbers 我的案件 last listed to this contact, in order (JSON): `第一个接单` means the first of them'),
    consoleLink: key('console-link', ['tokenHash'], 'string', '15 minutes', 'a one-time console sign-in link issued by an admin (hashed) → staff id'),
    consoleCode: key('console-code', ['codeHash'], 'string', '10 minutes', 'a one-time console sign-in code sent in WeChat (`控制台`, hashed) → staff id'),
    consoleWrong: key('console-wrong', ['clientHash'], 'string', '15 minutes', 'wrong console sign-in codes from one client address (keyed hash; slows guessing)'),
    consoleSession: key('console-session', ['sessionHash'], 'string', '12 hours', 'a console session (its cookie, hashed) → who (staff id and token generation, or the admin)'),
  };
});

export type StaffKeys = ReturnType<typeof staffKeys>;
