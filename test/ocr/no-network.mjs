/**
 * Preload for the offline test: every way Node reaches the network throws and is counted. Worker
 * threads inherit the preload (execArgv), so tesseract.js's worker is covered too. Local IPC over
 * a Unix socket path (tsx talks to its parent that way) is not network and passes.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import process from 'node:process';
import tls from 'node:tls';

globalThis.__networkAttempts = [];
function blocked(what) {
  return function () {
    globalThis.__networkAttempts.push(what);
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    throw new Error(`network blocked: ${what}`);
  };
}
/** connect(path) or connect({ path }): a Unix socket, local IPC. */
function isIpc(args) {
  const a = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof a === 'string') return !/^\d+$/.test(a);
  return !!a && typeof a === 'object' && typeof a.path === 'string';
}
function tcpOnly(original, what) {
  const block = blocked(what);
  return function (...args) {
    return isIpc(args) ? original.apply(this, args) : block();
  };
}
net.connect = tcpOnly(net.connect, 'net.connect');
net.createConnection = tcpOnly(net.createConnection, 'net.createConnection');
net.Socket.prototype.connect = tcpOnly(net.Socket.prototype.connect, 'net.Socket.connect');
tls.connect = blocked('tls.connect');
http.request = http.get = blocked('http.request');
https.request = https.get = blocked('https.request');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = blocked('dns.promises.lookup');
globalThis.fetch = blocked('fetch');
// Anything that still resolved a proxy would go to a port nothing listens on.
process.env.HTTP_PROXY = process.env.HTTPS_PROXY = process.env.ALL_PROXY = 'http://127.0.0.1:9';
