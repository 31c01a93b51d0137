import { InputError, TooLargeError, UpstreamError } from '@/lib/errors';

// What can go wrong fetching an image, each with a sentence for the job page.

export class ImageSourceError extends InputError {
  override name = 'ImageSourceError';
}

export class ImageTooLargeError extends TooLargeError {
  override name = 'ImageTooLargeError';
  constructor(limit: number, got: number | null) {
    const announced = got ? ` (${(got / 1024 ** 3).toFixed(1)} GiB announced)` : '';
    super(`The image is larger than the ${(limit / 1024 ** 3).toFixed(0)} GiB allowed${announced}; nothing was kept.`);
  }
}

export class ChecksumMismatchError extends InputError {
  override name = 'ChecksumMismatchError';
  constructor(algorithm: string, expected: string, got: string) {
    super(`The downloaded image does not match its ${algorithm} checksum (expected ${expected}, got ${got}). It was deleted; check the URL and checksum.`);
  }
}

export class DownloadError extends UpstreamError {
  override name = 'DownloadError';
}
