package dev.scrubber.core;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A local stand-in for an LLM provider, on 127.0.0.1 only: every request gets a 401 whose JSON body echoes the
 * key it was given (as OpenAI's "Incorrect API key provided" does), sent with chunked transfer encoding in pieces
 * cut at given positions of the key, each piece flushed on its own and a little apart, so that a client reads, and
 * its wire logger logs, the key in several events.
 */
public final class KeyEchoServer implements AutoCloseable {
    private final HttpServer server;

    private KeyEchoServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server that echoes {@code key}, cutting the body inside the key at {@code cuts}. */
    public static KeyEchoServer start(String key, int... cuts) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                List<String> pieces = pieces(key, cuts);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(401, 0); // 0: chunked
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String piece : pieces) {
                        out.write(piece.getBytes(StandardCharsets.UTF_8));
                        out.flush(); // one chunk on the wire
                        pause();
                    }
                }
            });
            server.start();
            return new KeyEchoServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body, cut at the positions of the key. */
    static List<String> pieces(String key, int... cuts) {
        String head = "{\"error\":{\"message\":\"Incorrect API key provided: ";
        String tail = ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
        String body = head + key + tail;
        List<String> out = new ArrayList<>();
        int last = 0;
        for (int cut : cuts) {
            out.add(body.substring(last, head.length() + cut));
            last = head.length() + cut;
        }
        out.add(body.substring(last));
        return out;
    }

    private static void pause() {
        try {
            Thread.sleep(40);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The address to send requests to. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
