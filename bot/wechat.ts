import QRCode from 'qrcode';
import { WechatyBuilder, types, type Wechaty } from 'wechaty';
import type { Core } from '../core/context.js';
import type { ChatService } from '../flows/service.js';
import { GongyouBot } from './plugin.js';

/**
 * Builds the real Wechaty with the configured puppet (e.g.
 * wechaty-puppet-wechat4u), prints the login QR code in the terminal and
 * starts it.
 */
export async function startWechat(core: Core, chat: ChatService): Promise<Wechaty> {
  const { config, log } = core;
  const bot = WechatyBuilder.build({
    name: `${config.VAR_DIR}/${config.WECHATY_NAME}`,
    puppet: config.WECHATY_PUPPET as never,
    ...(config.WECHATY_PUPPET_TOKEN ? { puppetOptions: { token: config.WECHATY_PUPPET_TOKEN } } : {}),
  });
  bot.use(GongyouBot({ core, chat }));
  bot.on('scan', (qrcode, status) => {
    if (status !== types.ScanStatus.Waiting && status !== types.ScanStatus.Timeout) return;
    QRCode.toString(qrcode, { type: 'terminal', small: true })
      .then((art) => console.log(`\n请用微信扫码登录机器人账号：\n${art}\n${qrcode}\n`))
      .catch(() => console.log(`请用微信扫码登录：${qrcode}`));
  });
  bot.on('login', (user) => log.info({ account: user.name() }, 'WeChat logged in'));
  bot.on('logout', () => log.warn('WeChat logged out'));
  bot.on('error', (err) => log.error({ err }, 'wechaty error'));
  await bot.start();
  return bot;
}
