/**
 * Every module that registers staff commands, imported once by the entry
 * points that take them (the WeChat bot, the API), so both see the same
 * commands. Add new command modules here.
 */
import './cases/commands.js';
import './staff/duty.js';
import './staff/console.js';
import './membership/commands.js';
import './legal-aid/commands.js';
