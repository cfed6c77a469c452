package nl.doorbraak.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI doorbraakOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Doorbraak API")
                        .version(ApiVersion.CURRENT)
                        .description("Verzoeken van gemeenten in het Nationaal Programma Leefbaarheid en Veiligheid "
                                + "om nationale regels aan te passen of budgetten te ontschotten. Errors are RFC 9457 "
                                + "problem+json; every response carries the API-Version header."))
                .addServersItem(new Server().url("/"))
                .components(new Components().addSecuritySchemes("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
    }
}
