'use client';

// fetch() cannot report upload progress; XMLHttpRequest can. Errors come back as the server's plain words.

function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)vireo_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]!) : '';
}

export function putWithProgress(url: string, body: Blob, onProgress: (sentBytes: number) => void): { done: Promise<unknown>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<unknown>((resolve, reject) => {
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        /* not JSON: the status says enough */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(new Error(typeof json.error === 'string' ? json.error : `Upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The upload was interrupted. Nothing was kept.'));
    xhr.onabort = () => reject(new Error('The upload was cancelled. Nothing was kept.'));
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
