/**
 * Every module that registers staff commands, imported once by the staff
 * desk (WeChat) and the API so both see the same commands. Add new command
 * modules here.
 */
import './case-work.js';
import './membership-commands.js';
import './booking-commands.js';
