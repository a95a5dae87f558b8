package io.rebound.notification.preferences;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.support.problem.Problem;
import jakarta.validation.Valid;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A PUT of a recipient's preferences: the whole set, so a field left out goes back to its default. The read-only
 * fields of {@link PreferencesView} may be sent back as they were read, and must then be unchanged.
 */
public record PreferencesChange(
        @Schema(description = "PTs only: false turns the daily digest of WARNINGs off; default true")
        Boolean digest,
        @Valid @Schema(description = "Null or left out for none")
        QuietHoursJson quietHours,
        @Schema(description = "IANA zone such as Europe/London; left out, the zone of the plan")
        String timeZone,
        @Schema(readOnly = true) String recipientId,
        @Schema(readOnly = true) String role,
        @Schema(readOnly = true) String email,
        @Schema(readOnly = true) Boolean unsubscribed) {

    private static final Set<String> FIELDS = names(PreferencesChange.class);
    private static final Set<String> QUIET_HOURS_FIELDS = names(QuietHoursJson.class);

    /** The fields of the body this record does not have; Jackson here ignores them, we refuse them. */
    static List<Problem.FieldError> unknownFields(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        unknown(body, "", FIELDS, errors);
        JsonNode quietHours = body.get("quietHours");
        if (quietHours != null && quietHours.isObject()) {
            unknown(quietHours, "quietHours.", QUIET_HOURS_FIELDS, errors);
        }
        return errors;
    }

    private static void unknown(JsonNode node, String prefix, Set<String> known, List<Problem.FieldError> errors) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new Problem.FieldError(prefix + name, "is not a preference; the fields are "
                        + known.stream().sorted().collect(Collectors.joining(", "))));
            }
        }
    }

    private static Set<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
