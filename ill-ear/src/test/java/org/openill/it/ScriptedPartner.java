package org.openill.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A foreign library's ISO 18626 system, as small as can be: an HTTP server on a free port of this machine that keeps
 * every message it gets (with its Authorization header) and answers each as its script says. Plain sockets, so it
 * needs nothing the server does not have.
 */
final class ScriptedPartner implements AutoCloseable {

    /** One message as it arrived. */
    record Received(String authorization, String body) {
    }

    /** An answer: HTTP status and body. */
    record Answer(int status, String body) {
    }

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<String, Answer> script;
    private final Thread thread;

    ScriptedPartner(Function<String, Answer> script) throws IOException {
        this(0, script);
    }

    ScriptedPartner(int port, Function<String, Answer> script) throws IOException {
        this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.thread = new Thread(this::serve, "scripted-iso18626-partner");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void answerWith(Function<String, Answer> next) {
        this.script = next;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(10_000);
                InputStream in = connection.getInputStream();
                String authorization = null;
                int length = 0;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    } else if (lower.startsWith("authorization:")) {
                        authorization = line.substring(14).strip();
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                received.add(new Received(authorization, body));
                Answer answer = script.apply(body);
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 " + answer.status() + " Scripted\r\nContent-Type: application/xml\r\n"
                        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            } catch (IOException | RuntimeException closedOrBroken) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
