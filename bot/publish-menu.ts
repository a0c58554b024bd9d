/**
 * `npm run wechat:menu`: publishes the Official Account's custom menu
 * (bot/oa-menu.json) with WECHAT_OA_APPID / WECHAT_OA_SECRET. Each button's
 * key is what the inbound worker acts on (workers/inbound.ts MENU_KEYS).
 */
import { readFileSync } from 'node:fs';
import { officialAccountOf } from '../core/auth/index.js';
import { boot } from '../core/boot.js';
import type { WechatMenu } from '../core/wechat/index.js';

const menu = JSON.parse(readFileSync(new URL('./oa-menu.json', import.meta.url), 'utf8')) as WechatMenu;
const booted = await boot().catch((err: Error) => {
  console.error(`无法启动 / cannot start:\n${err.message}`);
  process.exit(1);
});
try {
  const api = officialAccountOf(booted.core);
  if (!api) {
    console.error('WECHAT_OA_APPID and WECHAT_OA_SECRET are not set: there is no Official Account to publish the menu to.');
    process.exitCode = 1;
  } else {
    await api.createMenu(menu);
    console.log('The Official Account menu is published (WeChat shows it to followers within a few minutes).');
  }
} catch (err) {
  console.error(`Publishing the menu failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await booted.stop();
}
