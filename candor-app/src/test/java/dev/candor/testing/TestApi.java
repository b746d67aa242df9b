package dev.candor.testing;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for journey tests: never throws on an error status, returns the parsed body. */
public final class TestApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    public TestApi(String baseUrl, String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        this.client = builder.build();
    }

    /** A response: status, headers and the body parsed as JSON (a missing node when empty or not JSON). */
    public record Response(int status, HttpHeaders headers, String raw, JsonNode json) {

        public String code() {
            return json.path("code").asString();
        }

        public String text(String field) {
            return json.path(field).asString();
        }
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return exchange(HttpMethod.POST, path, body, headers);
    }

    public Response put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body, Map.of());
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null, Map.of());
    }

    /** Sends a body exactly as given (for malformed JSON). */
    public Response postRaw(String path, String rawBody, MediaType type) {
        return client.post().uri(path).contentType(type).body(rawBody)
                .exchange((request, response) -> toResponse(response), true);
    }

    /** Sends raw bytes with a PUT, as the order system uploads listing photos. */
    public Response putBytes(String path, byte[] bytes, String contentType) {
        return client.put().uri(path).contentType(MediaType.parseMediaType(contentType)).body(bytes)
                .exchange((request, response) -> toResponse(response), true);
    }

    /** Sends a multipart form; values may be strings or {@code org.springframework.core.io.Resource}s. */
    public Response postMultipart(String path, org.springframework.util.MultiValueMap<String, ?> parts,
                                  Map<String, String> headers) {
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(h -> headers.forEach(h::add)).body(parts)
                .exchange((request, response) -> toResponse(response), true);
    }

    public Response exchange(HttpMethod method, String path, Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path).headers(h -> headers.forEach(h::add));
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        return spec.exchange((request, response) -> toResponse(response), true);
    }

    private static Response toResponse(org.springframework.http.client.ClientHttpResponse response) throws java.io.IOException {
        String raw = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            json = JSON.missingNode();
        }
        return new Response(response.getStatusCode().value(), response.getHeaders(), raw, json);
    }

    /** Convenience for building JSON bodies in tests. */
    public static Map<String, Object> body(Object... keysAndValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

}
