package dev.scrubber.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A stand-in for Secrets Manager and SSM on 127.0.0.1: answers each JSON-protocol operation (named by the
 * {@code X-Amz-Target} header) with the body set for it. Clients built here use the real SDK, the URL-connection
 * HTTP client, an endpoint override to the stub and static fake credentials, so nothing leaves the machine.
 */
final class AwsStub implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    AwsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body = target == null ? null : bodies.get(target.substring(target.indexOf('.') + 1));
            byte[] bytes = (body == null ? "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no stub\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(body == null ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** The body answered for an operation, such as {@code GetSecretValue}. */
    AwsStub answer(String operation, String json) {
        bodies.put(operation, json);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(fakeCredentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    SsmClient ssm() {
        return SsmClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(fakeCredentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider fakeCredentials() {
        // Not key-shaped on purpose: the stub never checks signatures.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access", "test-secret"));
    }

    /** A JSON object of name/value pairs; a value that already is JSON (an object or array) is inserted as is. */
    static String object(String... namesAndValues) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String v = namesAndValues[i + 1];
            sb.append(i == 0 ? "" : ",").append(json(namesAndValues[i])).append(':')
                    .append(v.startsWith("{") || v.startsWith("[") ? v : json(v));
        }
        return sb.append('}').toString();
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
