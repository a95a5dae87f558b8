package io.rebound.notification.email;

import java.util.List;

/**
 * What a PT's digest says: their runners with the WARNINGs of the past day, the runner with most first.
 *
 * @param date the PT's local date, e.g. "Friday 27 November 2026"
 */
public record DigestEmail(String ptName, String date, int warnings, List<RunnerSection> runners) {

    /** One runner's WARNINGs, oldest day first. */
    public record RunnerSection(String runnerName, String runnerId, String statusLink, List<AlertEmail> warnings) {
    }
}
