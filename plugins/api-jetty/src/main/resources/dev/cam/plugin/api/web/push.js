// Web Push: notifications while the app is closed. The browser subscribes at its push service
// with the server's VAPID public key and hands the subscription to the server, which then sends
// each message encrypted for this browser alone (agent id, name, tool and status only).
import { api, settings } from './api.js';

export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function bytes(base64url) {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function base64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function sameKey(subscription, key) {
  const current = subscription.options && subscription.options.applicationServerKey;
  return !current || base64url(current) === base64url(key);
}

/** Subscribes this browser (again, if the server's key changed) and tells the server. */
export async function pushOn() {
  if (await Notification.requestPermission() !== 'granted') {
    throw new Error('the browser blocked notifications: allow them for this site, then turn push on again');
  }
  const key = bytes((await api.pushKey()).public_key);
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    try {
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    } catch (e) {
      throw new Error(`this browser could not subscribe to push (${e.message}); its push service may be unreachable`);
    }
  }
  await api.pushSubscribe({
    endpoint: subscription.endpoint,
    keys: { p256dh: base64url(subscription.getKey('p256dh')), auth: base64url(subscription.getKey('auth')) },
  });
}

/** Tells the server to stop, then drops the browser's subscription. */
export async function pushOff() {
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) return;
  await api.pushUnsubscribe({ endpoint: subscription.endpoint });
  await subscription.unsubscribe();
}

/**
 * On each start with push on and allowed: hands the subscription to the server again, so a new
 * server key, a lost subscriptions file or a subscription the browser renewed is caught up with.
 */
export async function renewPush() {
  if (!settings.push || !pushSupported() || Notification.permission !== 'granted') return false;
  try {
    await pushOn();
    return true;
  } catch (e) {
    return false; // Settings shows the problem when push is switched on again
  }
}
