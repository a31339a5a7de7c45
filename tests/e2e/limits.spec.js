// A body the server refuses before reading it (413 over the size limit, 403 without the CSRF
// header) still reaches a client that writes the whole body before it reads the answer, as
// Node's HTTP client does: the server reads and drops the rest of the body for a while before
// it closes (a lingering close, nginx's model) instead of closing at once, which made Node see
// EPIPE or ECONNRESET in place of the answer.
import { test, expect } from '@playwright/test';
import http from 'node:http';

// POSTs `bytes` bytes of JSON-looking text to `path` with Node's own client and resolves with
// the status and the body, or rejects with the socket's error.
function postLarge(path, bytes, headers) {
  const url = new URL(path, process.env.MTT_BASE_URL);
  const body = Buffer.alloc(bytes, 'a');
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
          Origin: url.origin,
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('a 3 MB body over the limit gets its 413 with a code, not a broken pipe', async () => {
  const answer = await postLarge('/api/registration', 3 * 1024 * 1024, { 'X-MTT-CSRF': '1' });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.text).code).toBe('payload_too_large');
});

test('a 3 MB body without the CSRF header gets its 403 with a code', async () => {
  const answer = await postLarge('/api/registration', 3 * 1024 * 1024, {});
  expect(answer.status).toBe(403);
  expect(JSON.parse(answer.text).code).toBe('csrf_refused');
});
