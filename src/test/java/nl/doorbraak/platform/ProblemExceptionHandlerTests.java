package nl.doorbraak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The error translation on its own, with a controller that fails on purpose. */
class ProblemExceptionHandlerTests {

    @RestController
    static class FailingController {

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail of nl.doorbraak.Something");
        }

        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> create(@RequestBody Map<String, Object> thing) {
            return thing;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ProblemExceptionHandler(event -> { }))
            .build();

    @Test
    void anUnexpectedErrorIsAProblem500WithAnIncidentNumberAndNoInternals() throws Exception {
        String body = mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Interne fout"))
                .andExpect(jsonPath("$.incident").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("nl.doorbraak");
    }

    @Test
    void anUnsupportedContentTypeIsAProblem415() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Mediatype niet ondersteund"))
                .andExpect(jsonPath("$.detail").value("Het formaat text/plain wordt niet ondersteund."));
    }

    @Test
    void malformedJsonIsAProblem400() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ongeldig verzoek"))
                .andExpect(jsonPath("$.detail").value("De inhoud van het verzoek is niet leesbaar of geen geldige JSON."));
    }
}
