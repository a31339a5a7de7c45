// A real SMTP server on loopback for the tests: the npm package `smtp-server`, plain SMTP
// without TLS or authentication (authOptional), keeping every message it accepts in memory,
// parsed with `mailparser`. `cargo xtask test` starts it and passes its addresses to the
// server's email tests and to Playwright.
//
//   MTT_SMTP_PORT          the SMTP port on 127.0.0.1 (0: a free one)
//   MTT_SMTP_CONTROL_PORT  the control API's port on 127.0.0.1 (0: a free one)
//
// The control API (JSON):
//   GET  /messages  every message received, oldest first: [{ to, from, subject, text }]
//   POST /stop      closes the SMTP listener: connections are refused until /start
//   POST /start     listens again on the same port
//
// It prints `smtp 127.0.0.1:PORT` and then `control http://127.0.0.1:PORT` once both listen.
import http from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const messages = [];
let smtpPort = Number(process.env.MTT_SMTP_PORT ?? 0);
const controlPort = Number(process.env.MTT_SMTP_CONTROL_PORT ?? 0);
let smtp = null;

function newServer() {
  return new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Quiet: the tests' output is the server's and the runners'.
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: parsed.to?.text ?? '',
            envelope_to: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          callback();
        })
        .catch((error) => callback(error));
    },
  });
}

function listen() {
  return new Promise((resolve, reject) => {
    const server = newServer();
    server.on('error', (error) => console.error(`smtp: ${error.message}`));
    server.server.once('error', reject);
    server.listen(smtpPort, '127.0.0.1', () => {
      smtpPort = server.server.address().port;
      smtp = server;
      resolve();
    });
  });
}

function stop() {
  return new Promise((resolve) => {
    if (!smtp) {
      resolve();
      return;
    }
    const server = smtp;
    smtp = null;
    // Stops accepting at once; connections under way are ended too, so a sender mid-message
    // sees the failure rather than a success.
    for (const connection of server.connections ?? []) {
      connection.close?.();
    }
    server.close(() => resolve());
  });
}

function answer(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const control = http.createServer(async (request, response) => {
  try {
    if (request.method === 'GET' && request.url === '/messages') {
      answer(response, 200, messages);
    } else if (request.method === 'POST' && request.url === '/stop') {
      await stop();
      answer(response, 200, { listening: false });
    } else if (request.method === 'POST' && request.url === '/start') {
      if (!smtp) {
        await listen();
      }
      answer(response, 200, { listening: true, port: smtpPort });
    } else {
      answer(response, 404, { error: 'not found' });
    }
  } catch (error) {
    answer(response, 500, { error: String(error) });
  }
});

await listen();
control.listen(controlPort, '127.0.0.1', () => {
  console.log(`smtp 127.0.0.1:${smtpPort}`);
  console.log(`control http://127.0.0.1:${control.address().port}`);
});
