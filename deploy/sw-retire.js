// Retires 拠点ナビ's offline service worker (issue #10). To switch offline support off on a
// site already published, copy this file over dist/sw.js and deploy:
//
//   cp deploy/sw-retire.js dist/sw.js
//
// Browsers check sw.js on the next visit, install this worker, which deletes the site's
// caches (`kn:<scope>:<version>`) and unregisters itself. It answers no request, so every
// page comes straight from the network; it never reloads a page, so it cannot cause a loop
// even while the pages still register a worker.
'use strict';

const PREFIX = `kn:${new URL(self.registration.scope).pathname}:`;

async function dropCaches() {
  const names = (await caches.keys()).filter((k) => k.startsWith(PREFIX));
  await Promise.all(names.map((k) => caches.delete(k)));
}

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await dropCaches();
    await self.clients.claim();
    // The worker replaced may still finish a write it had started: clear once more.
    await new Promise((ok) => setTimeout(ok, 2000));
    await dropCaches();
    await self.registration.unregister();
  })());
});
