package dev.candor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI description is usable: every API endpoint is in it, and the caller's identity is not a parameter. */
class OpenApiIT extends IntegrationTest {

    @Test
    void theDescriptionListsTheApiWithBearerAuthAndNoActorParameter() {
        JsonNode doc = anonymous().get("/v3/api-docs").json();
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Candor API");
        assertThat(doc.path("components").path("securitySchemes").path("apiKey").path("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.path("paths").has("/api/v1/cases/{caseId}/judgment")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/orders/{orderId}")).isTrue();

        List<String> actorParameters = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("parameters").forEach(parameter -> {
                    if (parameter.path("name").asString().equals("actor")) {
                        actorParameters.add(operation.getKey() + " " + path.getKey());
                    }
                })));
        assertThat(actorParameters).isEmpty();
    }
}
