import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent';

// Real User-Agent headers of the browsers people sign in with, and of the tools scripts use.
const UA = {
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.224 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  operaAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 OPR/82.0.0.0',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

describe('describeUserAgent', () => {
  it('names the browser, its major version and the system', () => {
    expect(describeUserAgent(UA.chromeLinux)).toBe('Chrome 126 on Linux');
    expect(describeUserAgent(UA.headless)).toBe('Headless Chrome 120 on Linux');
    expect(describeUserAgent(UA.firefoxMac)).toBe('Firefox 127 on macOS');
    expect(describeUserAgent(UA.chromebook)).toBe('Chrome 126 on ChromeOS');
  });

  it('prefers the most specific browser token over the ones it imitates', () => {
    expect(describeUserAgent(UA.edgeWindows)).toBe('Edge 126 on Windows');
    expect(describeUserAgent(UA.operaAndroid)).toBe('Opera 82 on Android');
    expect(describeUserAgent(UA.chromeIos)).toBe('Chrome 126 on iOS');
    expect(describeUserAgent(UA.safariIphone)).toBe('Safari 17 on iOS');
  });

  it('names a tool by its first product token, and says when there is nothing to go by', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('curl 8.5.0');
    expect(describeUserAgent('node')).toBe('node');
    expect(describeUserAgent('')).toBe('Unknown browser');
    expect(describeUserAgent(null)).toBe('Unknown browser');
    expect(describeUserAgent('   ')).toBe('Unknown browser');
  });
});
