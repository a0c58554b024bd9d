/**
 * Every module that registers staff commands, imported once by the staff
 * desk (WeChat) and the API so both see the same commands. Add new command
 * modules here.
 */
import '../cases/commands.js';
import './duty.js';
import '../membership/commands.js';
import '../legal-aid/commands.js';
