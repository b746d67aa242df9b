package dev.candor.shared.web;

import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header: what the API is, how to authenticate, and that {@link Actor} is not a parameter. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI candorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Candor API").version("v1")
                        .description("""
                                After-sales integrity platform. Authenticate with `Authorization: Bearer <API key>`. \
                                Errors are RFC 9457 problem details with a stable `code`; every POST honours \
                                `Idempotency-Key`; amounts are in minor units (fen for CNY). \
                                售后诚信平台接口：使用 Bearer API 密钥认证，错误以带稳定错误码的 RFC 9457 格式返回。""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("cnd_<key id>_<secret>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
