package io.rebound.notification.preferences;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Quiet hours as the API reads and writes them: local times of day, {@code HH:mm}. */
public record QuietHoursJson(
        @NotNull @Pattern(regexp = TIME, message = MESSAGE)
        @Schema(description = "Start, local time", example = "22:00")
        String from,
        @NotNull @Pattern(regexp = TIME, message = MESSAGE)
        @Schema(description = "End, the first minute mail goes out again; before from, it runs across midnight",
                example = "07:00")
        String to) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String MESSAGE = "must be a time of day as HH:mm, such as 22:00";

    static QuietHoursJson of(QuietHours hours) {
        return hours == null ? null : new QuietHoursJson(hours.from().toString(), hours.to().toString());
    }

    /** Call once the pattern is checked. */
    QuietHours toQuietHours() {
        return new QuietHours(LocalTime.parse(from), LocalTime.parse(to));
    }
}
