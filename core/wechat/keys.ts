import { keySpace, perPrefix } from '../infra/keys.js';

/** WeChat's server API: the one access token every process of the app shares. */
export const wechatKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'wechat');
  return {
    accessToken: key(
      'access-token',
      ['appId'],
      'string',
      "WeChat's expires_in minus 5 minutes",
      "the app's stable access token (cgi-bin/stable_token), shared so that every process uses one and none forces another's out",
    ),
  };
});

export type WechatKeys = ReturnType<typeof wechatKeys>;
