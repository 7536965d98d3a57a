package dev.orden.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one attempt with the JDK's HTTP client: the body as stored, signed, the delivery id as idempotency key; no
 * redirects followed (a 3xx is an answer, not a new address to check); the response body is read and dropped, and
 * the whole exchange bounded by {@code orden.webhooks.timeout}.
 */
@ApplicationScoped
class WebhookSender {

    static final String USER_AGENT = "Orden-Webhooks/1";

    @Inject
    WebhookSettings settings;

    private volatile HttpClient client;

    Attempt send(Webhooks.Outgoing outgoing) {
        var refusal = ReceiverUrl.refusal(outgoing.url(), settings.allowPrivateAddresses());
        if (refusal.isPresent()) return Attempt.refusedToSend("not sent: " + refusal.get());
        var timestamp = Instant.now().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(outgoing.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("Idempotency-Key", outgoing.deliveryId().toString())
                .header("Orden-Delivery", outgoing.deliveryId().toString())
                .header("Orden-Event", outgoing.event())
                .header("Orden-Attempt", Integer.toString(outgoing.attempt()))
                .header(Signature.HEADER, Signature.header(timestamp, outgoing.body(), outgoing.secrets()))
                .POST(HttpRequest.BodyPublishers.ofString(outgoing.body()))
                .build();
        var started = System.nanoTime();
        var exchange = client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            var response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return Attempt.answered(response.statusCode(), millisSince(started),
                    Attempt.retryAfter(response.headers().firstValue("Retry-After")));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Attempt.unanswered("timed out after " + settings.timeout().toMillis() + " ms", millisSince(started));
        } catch (ExecutionException e) {
            return Attempt.unanswered(describe(e.getCause()), millisSince(started));
        } catch (CancellationException e) {
            return Attempt.unanswered("cancelled", millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return Attempt.unanswered("interrupted", millisSince(started));
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof HttpTimeoutException) return "timed out: " + failure.getMessage();
        if (failure instanceof java.net.ConnectException) {
            var detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
            return "connection refused or unreachable" + detail;
        }
        if (failure instanceof IOException) return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return String.valueOf(failure);
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) client.close();
    }
}
