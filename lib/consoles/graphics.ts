import type { Document, Element } from '@xmldom/xmldom';
import { child, children } from '@/lib/xml/parse';

// The display Vireo gives guests it creates: VNC on the host's loopback only, with an automatic port. Nothing
// outside the host can reach it; the browser gets to it through Vireo's authenticated WebSocket bridge.
// (For the VM creation flow: call this on the new domain document before defining it.)

export function addLoopbackVnc(doc: Document): void {
  const devices = child(doc.documentElement, 'devices');
  if (!devices) throw new Error('The domain has no <devices> element.');
  for (const g of children(devices, 'graphics')) devices.removeChild(g);
  const graphics = doc.createElement('graphics');
  graphics.setAttribute('type', 'vnc');
  graphics.setAttribute('autoport', 'yes');
  graphics.setAttribute('listen', '127.0.0.1');
  const listen = doc.createElement('listen');
  listen.setAttribute('type', 'address');
  listen.setAttribute('address', '127.0.0.1');
  graphics.appendChild(listen);
  devices.appendChild(graphics);
  if (!children(devices, 'video').length) {
    const video = doc.createElement('video');
    const model: Element = doc.createElement('model');
    model.setAttribute('type', 'vga');
    video.appendChild(model);
    devices.appendChild(video);
  }
}
