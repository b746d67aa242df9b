package dev.candor.webhooks.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts webhook bodies with the JDK {@link HttpClient}: HTTP/1.1, no redirects followed (a 3xx is a
 * failed attempt, the subscription's URL should be fixed), connect and read timeouts from
 * {@link WebhookProperties}.
 */
@Component
public class WebhookClient implements DisposableBean {

    private static final int MAX_ERROR_LENGTH = 500;

    private final HttpClient http;
    private final Duration readTimeout;

    WebhookClient(WebhookProperties properties) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.readTimeout = properties.readTimeout();
    }

    /**
     * What came back from one post.
     *
     * @param statusCode the receiver's status, or {@code null} when no response arrived
     * @param error why no response arrived, or {@code null}
     * @param duration from sending to the answer or the error
     */
    public record Result(Integer statusCode, String error, Duration duration) {

        public boolean successful() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** Posts a JSON body with the given headers; never throws for a receiver's failure. */
    public Result post(URI url, String body, String eventId, String eventType, String signature) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Candor-Webhooks/1")
                .header("Candor-Event-Id", eventId)
                .header("Candor-Event-Type", eventType)
                .header("Candor-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(response.statusCode(), null, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return new Result(null, describe(e), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted while waiting for the receiver", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String describe(IOException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public void destroy() {
        http.shutdownNow();
    }
}
