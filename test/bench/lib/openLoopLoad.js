/*
 * Sends GET requests to a URL at a fixed rate for a number of seconds, each
 * on time whatever earlier answers take (open loop), from a process of its
 * own so the load generator never competes with the server's event loop.
 * Asks for gzip, as browsers do. Reports every latency, in milliseconds,
 * with the answer's ETag, to its parent.
 *
 *   fork('openLoopLoad.js', [url, rate, seconds])
 */
'use strict';

const http = require('node:http');

const [url, rate, seconds] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
];
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get() {
  return new Promise(resolve => {
    const sent = performance.now();
    const request = http.get(
      url,
      { agent, headers: { 'accept-encoding': 'gzip' } },
      response => {
        response.resume();
        response.on('end', () =>
          resolve({
            ms: performance.now() - sent,
            ok: response.statusCode === 200,
            etag: response.headers.etag,
          }),
        );
      },
    );
    request.on('error', error =>
      resolve({ ms: performance.now() - sent, ok: false, error: error.code }),
    );
  });
}

async function main() {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    pending.push(get());
  }
  const results = await Promise.all(pending);
  process.send({
    results,
    seconds: (performance.now() - started) / 1000,
  });
  agent.destroy();
}

main();
