/** WeChat's push channels (Official Account, mini-program customer service): pushed messages kept until handled, replies and notices sent there. */
export { channelKeys, type ChannelKeys } from './keys.js';
export { CHANNELS, createChannelStore, pushIdOf, pushSenderOf, type Channel, type ChannelStore, type Inbound, type Outbox } from './store.js';
export { CHANNEL_SEND, CHANNEL_SEND_AGAIN, SEND_AGAIN_TEXT, cardFor, channelMessenger, channelSendAgain, channelSends, queueChannelReplies, queueSendAgain, textChunks } from './send.js';
