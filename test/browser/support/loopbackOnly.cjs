// Preloaded into the Agents Playground (node --require): a server that names no host listens
// on 127.0.0.1 instead of every interface, so the browser tests open nothing to the network.
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort && typeof second !== 'string') return listen.call(this, first, LOOPBACK, ...args.slice(1));
  if (first && typeof first === 'object' && !('path' in first) && !('fd' in first) && !('_handle' in first) && first.host === undefined) {
    return listen.call(this, { ...first, host: LOOPBACK }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
