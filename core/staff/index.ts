/** Staff: the WeChat commands registry and desk, on/off duty, WeChat bindings. Keys stay inside. */
export * from './commands.js';
export * from './desk.js';
export * from './duty.js';
export * from './binding.js';
export * from './console.js';
