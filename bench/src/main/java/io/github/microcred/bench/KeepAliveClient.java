package io.github.microcred.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A blocking HTTP/1.1 client on one kept-alive loopback connection, as a load generator ({@code wrk}, {@code ab}) or
 * a pooled LMS client talks to a service: the request is written with its {@code Content-Length}, the answer read by
 * its {@code Content-Length} on the calling thread, so that what is timed is the service, not a client's
 * thread hand-offs (the JDK {@code HttpClient} adds about 0.2 to 0.35 ms per request on loopback, measured in
 * {@link ServerInterleaved}). Plain HTTP only; not thread-safe.
 */
final class KeepAliveClient implements AutoCloseable {
  /** An answer: status and body. */
  record Answer(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;

  KeepAliveClient(URI base) throws IOException {
    socket = new Socket(base.getHost(), base.getPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    host = base.getHost() + ":" + base.getPort();
  }

  /** POSTs a JSON body (with a bearer token when not null) and reads the answer. */
  Answer post(String path, byte[] json, String bearer) throws IOException {
    StringBuilder head = new StringBuilder(160).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
        .append(host).append("\r\nContent-Type: application/json\r\nContent-Length: ").append(json.length)
        .append("\r\n");
    if (bearer != null) {
      head.append("Authorization: Bearer ").append(bearer).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.write(json);
    out.flush();
    return read();
  }

  private Answer read() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    int length = -1;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = colon < 0 ? h : h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (name.equals("content-length")) {
        length = Integer.parseInt(h.substring(colon + 1).strip());
      } else if (name.equals("transfer-encoding") || name.equals("connection")
          && h.substring(colon + 1).strip().equalsIgnoreCase("close")) {
        throw new IOException("expected a kept-alive answer with Content-Length, got " + h);
      }
    }
    if (length < 0) {
      throw new IOException("the answer has no Content-Length");
    }
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("the connection ended inside the answer");
    }
    return new Answer(Integer.parseInt(parts[1]), body);
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection ended inside the answer's head");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
