// The test SMTP server's control API (tests/smtp/server.js), for end-to-end tests that read
// the email the server sent: `cargo xtask test` starts it and passes its URL in
// MTT_SMTP_CONTROL_URL, and points the server under test at it.
const control = () => {
  const url = process.env.MTT_SMTP_CONTROL_URL;
  if (!url) {
    throw new Error('MTT_SMTP_CONTROL_URL is not set: run the tests with `cargo xtask test`');
  }
  return url;
};

/** Every message received for `address` (the envelope's recipient), oldest first. */
export async function messagesTo(address) {
  const response = await fetch(`${control()}/messages`);
  const messages = await response.json();
  return messages.filter((message) => message.envelope_to.includes(address));
}

/** The newest message to `address`, waiting up to `timeout` ms for one to arrive. */
export async function waitForMessageTo(address, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const messages = await messagesTo(address);
    if (messages.length > 0) {
      return messages[messages.length - 1];
    }
    if (Date.now() > deadline) {
      throw new Error(`no email to ${address} within ${timeout} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a message's text that contains `part`. */
export function linkIn(message, part) {
  const link = message.text.split(/\s+/).find((word) => word.includes(part));
  if (!link) {
    throw new Error(`no link with ${part} in: ${message.text}`);
  }
  return link;
}

/** Stops the SMTP listener (connections refused) or starts it again on the same port. */
export async function setSmtpListening(listening) {
  await fetch(`${control()}/${listening ? 'start' : 'stop'}`, { method: 'POST' });
}
