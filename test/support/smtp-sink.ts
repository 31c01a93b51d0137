// A minimal SMTP receiver on loopback for tests of email notifications: it speaks just enough of RFC 5321
// (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) to take a message from nodemailer, and keeps
// each one with its envelope. No TLS, no authentication: it offers neither, so the client sends in the clear.
import { createServer, type Server, type Socket } from 'node:net';
import { Arrivals } from './arrivals';

export interface SunkMail {
  from: string;
  to: string[];
  /** The message as sent (headers and body), CRLF line ends. */
  data: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: SunkMail[];
  /** Resolves with the first mail `match` accepts (already received or yet to come). */
  waitFor(match: (m: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails = new Arrivals<SunkMail>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let from = '';
    let to: string[] = [];
    let inData = false;
    let data: string[] = [];
    let buffer = '';
    reply('220 sink ESMTP ready');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.add({ from, to, data: data.join('\r\n') });
            reply('250 OK queued');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 sink');
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          reply('250 OK');
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          data = [];
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails: mails.items,
    waitFor: (match, timeoutMs = 30_000) =>
      mails.waitFor(
        (all) => all.find(match),
        timeoutMs,
        (all) => `no matching mail within ${timeoutMs} ms (got ${all.length})`,
      ),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
