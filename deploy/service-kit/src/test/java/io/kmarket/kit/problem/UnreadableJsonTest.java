package io.kmarket.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Real Jackson failures, as the problem mappers receive them, told as the field and what was wrong. */
class UnreadableJsonTest {

    record Window(LocalDate from, LocalDate to) {
    }

    record Plan(String name, int days, Window window, List<Integer> codes) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void textThatIsNotJsonNamesTheBodyAndWhereItBroke() {
        // "oops" starts at the second character of the second line.
        UnreadableJson unreadable = unreadable("{\"name\": \n oops}");

        assertThat(unreadable.field()).isEqualTo("body");
        assertThat(unreadable.detail()).isEqualTo("the body is not the JSON this endpoint reads (line 2, column 2)");
    }

    @Test
    void aTruncatedBodyNamesTheBody() {
        assertThat(unreadable("{\"name\":").field()).isEqualTo("body");
    }

    @Test
    void anUnparsableDateNamesItsFieldPathAndTheExpectedForm() {
        UnreadableJson unreadable = unreadable("{\"window\": {\"from\": \"yesterday\"}}");

        assertThat(unreadable.field()).isEqualTo("window.from");
        assertThat(unreadable.detail()).contains("'window.from'", "yesterday", "YYYY-MM-DD");
    }

    @Test
    void aWrongTypeNamesTheFieldAndNoJavaClass() {
        UnreadableJson unreadable = unreadable("{\"days\": {\"n\": 3}}");

        assertThat(unreadable.field()).isEqualTo("days");
        assertThat(unreadable.detail()).isEqualTo("body field 'days' has a value of the wrong type")
                .doesNotContain("java", "Plan");
    }

    @Test
    void anElementOfAnArrayIsNamedWithItsIndex() {
        UnreadableJson unreadable = unreadable("{\"codes\": [1, 2, \"three\"]}");

        assertThat(unreadable.field()).isEqualTo("codes[2]");
        assertThat(unreadable.detail()).contains("'three'", "integer");
    }

    private UnreadableJson unreadable(String body) {
        return UnreadableJson.of(catchThrowableOfType(JsonProcessingException.class,
                () -> json.readValue(body, Plan.class)));
    }
}
